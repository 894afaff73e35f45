package jp.inochi.layers;

import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.WorkDirectory;
import jp.inochi.platform.hygiene.MultipartNames;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Receives a multipart upload: form fields as text, and every file part saved into a fresh directory under its own
 * name (without any directory part). A part or file name with a control character refuses the whole upload (400)
 * before anything is saved. Uploads over the configured size are refused with 413, and nothing is kept.
 */
@Singleton
public final class UploadReceiver {
    private final ImportSettings settings;

    UploadReceiver(ImportSettings settings) {
        this.settings = settings;
    }

    public record Upload(Map<String, String> fields, List<InputFile> files, Path directory) {
        public String field(String name) {
            String value = fields.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public Upload receive(Publisher<CompletedPart> body) throws IOException {
        List<CompletedPart> parts = collect(body);
        for (CompletedPart part : parts) {
            MultipartNames.check(part.getName(), part instanceof CompletedFileUpload upload ? upload.getFilename() : null);
        }
        Path directory = Files.createTempDirectory("inochi-upload-");
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            List<InputFile> files = new ArrayList<>();
            long total = 0;
            for (CompletedPart part : parts) {
                if (part instanceof CompletedFileUpload upload && upload.getFilename() != null && !upload.getFilename().isBlank()) {
                    String name = safeName(upload.getFilename());
                    Path into = directory.resolve(String.valueOf(files.size()));
                    Files.createDirectories(into);
                    Path file = into.resolve(name);
                    try (InputStream in = upload.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                        byte[] buffer = new byte[64 * 1024];
                        int read;
                        while ((read = in.read(buffer)) > 0) {
                            total += read;
                            if (total > settings.maxUploadSize()) {
                                throw tooLarge();
                            }
                            out.write(buffer, 0, read);
                        }
                    }
                    files.add(new InputFile(file, name));
                } else {
                    fields.put(part.getName(), new String(part.getBytes(), StandardCharsets.UTF_8));
                }
            }
            return new Upload(fields, files, directory);
        } catch (IOException | RuntimeException e) {
            delete(directory);
            throw e;
        }
    }

    private InochiException tooLarge() {
        return new InochiException(ProblemType.PAYLOAD_TOO_LARGE, "ファイルが大きすぎます。1回に送れるのは合計 "
                + size(settings.maxUploadSize()) + " までです。ZIP に圧縮するか、範囲を分けて送ってください");
    }

    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }

    /** The file name without any directory a browser or client put in front of it. */
    static String safeName(String sent) {
        String name = sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
            throw new InochiException(ProblemType.VALIDATION_FAILED, "ファイル名「" + sent + "」は使えません");
        }
        return name;
    }

    private static List<CompletedPart> collect(Publisher<CompletedPart> body) throws IOException {
        CompletableFuture<List<CompletedPart>> done = new CompletableFuture<>();
        List<CompletedPart> parts = new ArrayList<>();
        body.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(CompletedPart part) {
                synchronized (parts) {
                    parts.add(part);
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(parts);
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    public static void delete(Path directory) {
        WorkDirectory.delete(directory);
    }
}
