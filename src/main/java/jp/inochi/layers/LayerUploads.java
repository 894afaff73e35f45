package jp.inochi.layers;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import jp.inochi.access.Viewer;
import jp.inochi.layers.reading.crs.EpsgNames;
import jp.inochi.layers.reading.shapefile.ShapefileFeatureReader;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import org.reactivestreams.Publisher;

/**
 * What every layer upload API shares: the multipart body received, the common form fields checked (file, name, crs,
 * encoding, profile, severityField, labelField, category, source, licence, credit, entry, table), and the import
 * queued as a job (202 Accepted, then {@code GET /api/imports/{id}}). Each kind adds its own fields.
 */
@Singleton
public class LayerUploads {
    private final UploadReceiver receiver;
    private final ImportJobs jobs;

    LayerUploads(UploadReceiver receiver, ImportJobs jobs) {
        this.receiver = receiver;
        this.jobs = jobs;
    }

    @Serdeable
    public record Accepted(UUID jobId, String status, String statusUrl) {
    }

    /** What a kind reads from the form beyond the common fields. */
    @FunctionalInterface
    public interface KindFields {
        /** Adds an error for each field it can't use (listed after the name's), and returns how it completes the request. */
        UnaryOperator<ImportRequest> read(UploadReceiver.Upload upload, List<FieldError> errors);
    }

    /** A kind that reads nothing beyond the common fields. */
    public static final KindFields COMMON_ONLY = (upload, errors) -> UnaryOperator.identity();

    public HttpResponse<Accepted> accept(LayerKind kind, Publisher<CompletedPart> body, Viewer viewer, KindFields fields)
            throws IOException {
        UploadReceiver.Upload upload = receiver.receive(body);
        try {
            ImportRequest request = request(kind, upload, viewer, fields);
            UUID id = jobs.submit(viewer, request, upload.files(), upload.directory());
            String url = "/api/imports/" + id;
            return HttpResponse.accepted(URI.create(url)).body(new Accepted(id, "QUEUED", url));
        } catch (RuntimeException e) {
            UploadReceiver.delete(upload.directory());
            throw e;
        }
    }

    private static ImportRequest request(LayerKind kind, UploadReceiver.Upload upload, Viewer viewer, KindFields fields) {
        List<FieldError> errors = new ArrayList<>();
        if (upload.files().isEmpty()) {
            errors.add(new FieldError("file", "読み込むファイルを添付してください"));
        }
        String name = upload.field("name");
        if (name == null) {
            errors.add(new FieldError("name", "レイヤー名を入力してください"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "レイヤー名は200文字以内で入力してください"));
        }
        UnaryOperator<ImportRequest> kindSpecific = fields.read(upload, errors);
        Integer crs = null;
        if (upload.field("crs") != null) {
            crs = EpsgNames.parse(upload.field("crs")).orElse(null);
            if (crs == null) {
                errors.add(new FieldError("crs", "座標系は EPSG コードで指定してください（例: EPSG:6668、EPSG:6670）"));
            }
        }
        Charset encoding = null;
        if (upload.field("encoding") != null) {
            encoding = ShapefileFeatureReader.charsetNamed(upload.field("encoding")).orElse(null);
            if (encoding == null) {
                errors.add(new FieldError("encoding", "文字コードが分かりません（例: CP932、UTF-8）"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return kindSpecific.apply(new ImportRequest(kind, name, null, upload.field("profile"),
                upload.field("severityField"), upload.field("labelField"), upload.field("category"),
                upload.field("source"), upload.field("licence"), upload.field("credit"), crs, encoding,
                upload.field("entry"), upload.field("table"), viewer.userId()));
    }
}
