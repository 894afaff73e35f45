package jp.inochi.applications;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("municipal_subsidy_list")
record SubsidyListRecord(@Id LocalDate asOf, String source, Instant recordedAt) {
}
