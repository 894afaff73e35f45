package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * The households list's search: the same scope as {@link HouseholdRepository#findVisible} (a household outside it is
 * never counted nor found, even by its number), narrowed by 「検索」 — the household's number, or
 * {@code household_matches_search} (names, kana, phone; migration V151). A null {@code text} searches nothing.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface HouseholdSearchRepository extends GenericRepository<Household, Long> {
    String MATCHES = """
            household_access_basis(h, :role, :municipality, :ward, :at) IS NOT NULL
              AND (CAST(:filterMunicipality AS text) IS NULL OR h.municipality_code = :filterMunicipality)
              AND (CAST(:text AS text) IS NULL OR h.id = CAST(:number AS bigint)
                   OR household_matches_search(h.id, :text, CAST(:phone AS text)))""";

    @Query("SELECT count(*) FROM household h WHERE " + MATCHES)
    long count(String role, @Nullable String municipality, @Nullable String ward, Instant at,
               @Nullable String filterMunicipality, @Nullable String text, @Nullable String phone, @Nullable Long number);

    @Query("SELECT h.id, household_access_basis(h, :role, :municipality, :ward, :at) AS basis FROM household h WHERE "
            + MATCHES + " ORDER BY h.id LIMIT :limit OFFSET :offset")
    List<VisibleHouseholdRow> find(String role, @Nullable String municipality, @Nullable String ward, Instant at,
                                   @Nullable String filterMunicipality, @Nullable String text, @Nullable String phone,
                                   @Nullable Long number, int limit, long offset);
}
