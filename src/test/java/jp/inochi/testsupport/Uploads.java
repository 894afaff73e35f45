package jp.inochi.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import jp.inochi.access.Role;

/** Sends files to the layer upload endpoints as a real multipart request, and waits for the import job to end. */
@Singleton
public class Uploads {
    private final HttpClient client;
    private final TestLogins logins;

    Uploads(@Client("/") HttpClient client, TestLogins logins) {
        this.client = client;
        this.logins = logins;
    }

    /** POSTs the files and fields to {@code path} as center staff; returns the job's status URL. */
    public String post(String path, Map<String, String> fields, Path... files) {
        MultipartBody.Builder body = MultipartBody.builder();
        for (Path file : files) {
            body.addPart("file", file.getFileName().toString(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.toFile());
        }
        fields.forEach(body::addPart);
        HttpResponse<Map> response = client.toBlocking().exchange(
                logins.as(Role.CENTER_STAFF, HttpRequest.POST(path, body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                Map.class);
        if (response.code() != 202) {
            fail("expected 202 Accepted, got " + response.code());
        }
        return (String) response.body().get("statusUrl");
    }

    /** Polls the job until it has succeeded or failed (at most 3 minutes), and returns its last state. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> await(String statusUrl) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Object> job = client.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.GET(statusUrl)), Map.class);
            if ("SUCCEEDED".equals(job.get("status")) || "FAILED".equals(job.get("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        fail("the import job did not finish within 3 minutes: " + statusUrl);
        return null;
    }

    public Map<String, Object> importAndAwait(String path, Map<String, String> fields, Path... files) throws InterruptedException {
        return await(post(path, fields, files));
    }
}
