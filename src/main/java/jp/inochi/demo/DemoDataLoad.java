package jp.inochi.demo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("demo_data_load")
record DemoDataLoad(@Id String name, Instant loadedAt, @Nullable String summary) {
}
