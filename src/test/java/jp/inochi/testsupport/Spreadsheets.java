package jp.inochi.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Files people upload as lists, good and bad, made the way Excel (or a mistaken click) makes them. */
public final class Spreadsheets {
    /** The first bytes of a PNG image: what a picture renamed 名簿.xlsx starts with. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0};
    public static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private Spreadsheets() {
    }

    /** A one-sheet workbook of text cells (empty strings leave the cell out). */
    public static XSSFWorkbook workbook(List<List<String>> rows) {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = book.createSheet("一覧");
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
        }
        return book;
    }

    public static byte[] bytes(XSSFWorkbook book) throws IOException {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook as Excel saves it with 「パスワードを使用して暗号化」 (agile encryption in an OLE2 container). */
    public static byte[] encrypted(XSSFWorkbook book, String password) throws IOException, GeneralSecurityException {
        try (book; POIFSFileSystem container = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream encrypted = encryptor.getDataStream(container)) {
                book.write(encrypted);
            }
            container.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
