package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import jp.inochi.access.AccessScope;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.web.Pager;

/** One page of the households a viewer may see, narrowed by 「検索」 and the municipality filter, with the total. */
@Singleton
class HouseholdSearch {
    private final HouseholdSearchRepository repository;

    HouseholdSearch(HouseholdSearchRepository repository) {
        this.repository = repository;
    }

    record Found(Pager pager, List<VisibleHouseholdRow> rows) {
    }

    Found find(AccessScope scope, @Nullable String filterMunicipality, SearchQuery query, @Nullable Integer page) {
        long total = repository.count(scope.roleName(), scope.municipalityCode(), scope.wardCode(), scope.at(),
                filterMunicipality, query.text(), query.phoneDigits(), query.number());
        Pager pager = Pager.of(HouseholdPages.LIST, page, total, "q", query.typed(),
                "municipalityCode", filterMunicipality);
        List<VisibleHouseholdRow> rows = total == 0 ? List.of() : repository.find(scope.roleName(),
                scope.municipalityCode(), scope.wardCode(), scope.at(), filterMunicipality, query.text(),
                query.phoneDigits(), query.number(), pager.limit(), pager.offset());
        return new Found(pager, rows);
    }
}
