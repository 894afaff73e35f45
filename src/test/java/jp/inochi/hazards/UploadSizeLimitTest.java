package jp.inochi.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "inochi.import.max-upload-size", value = "200KB")
class UploadSizeLimitTest {
    @Inject
    TestLogins logins;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aFileOverTheUploadLimitIsRefusedWith413AndAJapaneseExplanation() {
        MultipartBody body = MultipartBody.builder()
                .addPart("file", GeoData.FLOOD_SUBSET, MediaType.APPLICATION_JSON_TYPE, GeoData.file(GeoData.FLOOD_SUBSET).toFile())
                .addPart("name", "大きすぎる試験").addPart("hazardType", "FLOOD").build();
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/hazard-layers", body)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), Map.class));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, refused.getStatus());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        String problem = refused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(problem.contains("ファイルが大きすぎます。1回に送れるのは合計 200 KB までです"), problem);
    }
}
