package jp.inochi.testruns;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/**
 * The test runs on the staff's pages: the loan page's recent months, the device page's last family test run beside
 * the last yearly check's, and on a follow-up opened by a family's 「問題があった」 the reply and its description.
 */
@Factory
class TestRunSections {
    private static final int LOAN_MONTHS = 12;

    /** The device's last yearly check (its test run passed or not), read from the checks. */
    record CheckTestRun(LocalDate inspectedOn, boolean passed, long loanId) {
    }

    @Singleton
    PageSection loanTestRuns(TestRunRepository repository) {
        return section(PageSection.LOAN_PAGE, (model, loanId) ->
                model.put("testRuns", repository.findRecentOfLoan(loanId, LOAN_MONTHS)));
    }

    @Singleton
    PageSection deviceTestRuns(TestRunRepository repository, TransactionOperations<Connection> transactions) {
        return section(PageSection.DEVICE_PAGE, (model, deviceId) -> {
            model.put("lastTestRun", repository.findLastAnsweredOfDevice(deviceId).orElse(null));
            model.put("lastCheckTestRun", transactions.executeRead(status -> lastCheck(status.getConnection(), deviceId)));
        });
    }

    @Singleton
    PageSection followUpTestRun(TestRunRepository repository) {
        return section(PageSection.FOLLOW_UP_PAGE, (model, followUpId) ->
                model.put("testRun", repository.findOfFollowUp(followUpId).orElse(null)));
    }

    private interface Filler {
        void fill(Map<String, Object> model, long subjectId);
    }

    private static PageSection section(String page, Filler filler) {
        return new PageSection() {
            @Override
            public String page() {
                return page;
            }

            @Override
            public void addTo(Map<String, Object> model, Viewer viewer, long subjectId,
                              Form form) {
                filler.fill(model, subjectId);
            }
        };
    }

    @Nullable
    private static CheckTestRun lastCheck(Connection connection, long deviceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT inspected_on, test_run_passed, loan_id "
                + "FROM inspection WHERE device_id = ? ORDER BY inspected_on DESC, id DESC LIMIT 1")) {
            select.setLong(1, deviceId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new CheckTestRun(row.getObject(1, LocalDate.class), row.getBoolean(2),
                        row.getLong(3)) : null;
            }
        }
    }
}
