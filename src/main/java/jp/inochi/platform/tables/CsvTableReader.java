package jp.inochi.platform.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks) streamed row by row, in the character set
 * {@link CsvCharset} finds. Row numbers count records from 1, as Excel shows them when it opens the file.
 */
public final class CsvTableReader implements TableReader {
    private final Reader in;
    private final String format;
    private int record;
    private int returned;
    private boolean ended;

    CsvTableReader(Path file) throws IOException {
        CsvCharset.Detected detected = CsvCharset.detect(file);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), detected.charset()));
        if (detected.bom()) {
            reader.read();
        }
        this.in = reader;
        this.format = detected.charset().equals(CsvCharset.CP932) ? "CSV（Shift_JIS / CP932）" : "CSV（UTF-8）";
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public TableRow next() throws IOException {
        while (!ended) {
            List<String> cells = readRecord();
            if (cells == null) {
                ended = true;
                return null;
            }
            record++;
            TableRow row = new TableRow(record, cells);
            if (!row.blank()) {
                if (++returned > MAX_ROWS + 1) {
                    throw TableReader.tooManyRows();
                }
                return row;
            }
        }
        return null;
    }

    private List<String> readRecord() throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) >= 0) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int after = in.read();
                    if (after == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (after >= 0) {
                            in.reset();
                        }
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                cells.add(cell.toString());
                return cells;
            } else {
                cell.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
