package jp.inochi.households;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.operations.ImportMeters;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.tables.DryRun;
import jp.inochi.platform.tables.PendingUploads;
import jp.inochi.platform.tables.RowOutcome;
import jp.inochi.platform.tables.TableFiles;
import jp.inochi.platform.tables.TableHeader;
import jp.inochi.platform.tables.TableReader;
import jp.inochi.platform.tables.TableRow;

/**
 * The center's register of families in bulk (.xlsx or CSV): a dry run says per row what confirming would do —
 * create, update (matched by 世帯番号, or by name + kana + birth date) or refuse with the cell and the reason, by the
 * households feature's own checks ({@link Households#problems}). Confirming re-reads the kept upload and writes every
 * row through {@link Households} in one transaction, only when nothing is refused and the outcome is still the one
 * the person saw; one audit entry counts the rows.
 */
@Singleton
public class HouseholdImport {
    static final String PURPOSE = "households";
    static final String RESOURCE = "/households/import";

    private final Households households;
    private final HouseholdRepository repository;
    private final GuardianRepository guardians;
    private final PendingUploads pending;
    private final AuditLog auditLog;
    private final TransactionOperations<Connection> transactions;
    private final ImportMeters meters;

    HouseholdImport(Households households, HouseholdRepository repository, GuardianRepository guardians,
                    PendingUploads pending, AuditLog auditLog, TransactionOperations<Connection> transactions,
                    ImportMeters meters) {
        this.households = households;
        this.repository = repository;
        this.guardians = guardians;
        this.pending = pending;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** Whether the import was written, and the dry run it wrote (or the new one, when the outcome had changed). */
    public record Confirmation(boolean written, DryRun dryRun) {
    }

    private record Write(HouseholdImportRow row, Long householdId) {
    }

    private record Plan(DryRun dryRun, List<Write> writes) {
    }

    /** Reads the file and keeps it for confirmation; nothing is written to the households. */
    public DryRun dryRun(Viewer viewer, Path file, String fileName) throws IOException {
        DryRun dryRun = transactions.executeRead(status -> plan(file, fileName)).dryRun();
        return dryRun.withId(pending.keep(PURPOSE, viewer.userId(), fileName, file, dryRun.digest()));
    }

    /** The same for an upload's content, kept in a temporary file only while it is read; the name without folders. */
    public DryRun dryRun(Viewer viewer, InputStream content, String sentName) throws IOException {
        Path file = TableFiles.save(content);
        try {
            return dryRun(viewer, file, fileName(sentName));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String fileName(String sent) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? "（名前なし）" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** Writes a kept upload; timed as an import, which is refused when rows are refused or the outcome changed. */
    public Confirmation confirm(Viewer viewer, UUID uploadId, String digestSeen) throws IOException {
        ImportMeters.Running timing = meters.start(PURPOSE);
        try {
            Confirmation done = write(viewer, uploadId, digestSeen);
            timing.end(done.written() ? ImportMeters.Outcome.SUCCEEDED : ImportMeters.Outcome.REFUSED);
            return done;
        } catch (IOException | RuntimeException e) {
            timing.end(e instanceof InochiException ? ImportMeters.Outcome.REFUSED : ImportMeters.Outcome.FAILED);
            throw e;
        }
    }

    private Confirmation write(Viewer viewer, UUID uploadId, String digestSeen) throws IOException {
        PendingUploads.Pending upload = pending.find(uploadId, PURPOSE, viewer.userId())
                .orElseThrow(() -> new NotFoundException("取込のファイル（1時間以上前のもの、または別の方のもの）"));
        try {
            Confirmation done = transactions.executeWrite(status -> {
                Plan plan = plan(upload.file(), upload.fileName());
                DryRun dryRun = plan.dryRun().withId(uploadId);
                if (dryRun.refusedCount() > 0 || !dryRun.digest().equals(digestSeen)) {
                    return new Confirmation(false, dryRun);
                }
                for (Write write : plan.writes()) {
                    if (write.householdId() == null) {
                        households.register(viewer, write.row().form());
                    } else {
                        Household current = repository.findById(write.householdId()).orElseThrow();
                        households.correct(viewer, write.householdId(), write.row().asCorrectionOf(current,
                                guardians.findByHouseholdIdOrderByPosition(write.householdId())));
                    }
                }
                auditLog.imported(viewer, RESOURCE, "household_import", uploadId, plan.writes().size(),
                        upload.fileName() + ": 新規 " + dryRun.createdCount() + "件・更新 " + dryRun.updatedCount() + "件");
                pending.forget(uploadId);
                return new Confirmation(true, dryRun);
            });
            if (!done.written()) {
                pending.replaceDigest(uploadId, done.dryRun().digest());
            }
            return done;
        } finally {
            Files.deleteIfExists(upload.file());
        }
    }

    private Plan plan(Path file, String fileName) {
        try (TableReader reader = TableFiles.open(file)) {
            TableHeader header = TableHeader.find(reader, HouseholdImportColumns.ALL);
            List<RowOutcome> outcomes = new ArrayList<>();
            List<Write> writes = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            int count = 0;
            for (TableRow row = reader.next(); row != null; row = reader.next()) {
                if (++count > TableReader.MAX_ROWS) {
                    throw TableReader.tooManyRows();
                }
                HouseholdImportRow read = HouseholdImportRow.read(row, header);
                for (FieldError error : households.problems(read.form())) {
                    read.reading().reject(HouseholdImportColumns.labelOf(error.field()), error.message());
                }
                Long match = match(read);
                String key = match != null ? "#" + match : read.form().childFamilyName() + "|" + read.form().childGivenName()
                        + "|" + read.form().childFamilyNameKana() + "|" + read.form().childGivenNameKana() + "|"
                        + read.form().childBirthDate();
                Integer earlier = seen.putIfAbsent(key, row.number());
                if (earlier != null) {
                    read.reading().reject((String) null, earlier + "行目と同じ世帯です（1つの世帯は1行にしてください）");
                }
                String subject = read.childName() + (match == null ? "" : "（世帯番号 " + match + "）");
                if (!read.reading().problems().isEmpty()) {
                    outcomes.add(RowOutcome.refused(row.number(), subject, read.reading().problems()));
                } else {
                    outcomes.add(new RowOutcome(row.number(), match == null ? RowOutcome.Outcome.CREATED
                            : RowOutcome.Outcome.UPDATED, subject, List.of()));
                    writes.add(new Write(read, match));
                }
            }
            return new Plan(new DryRun(null, fileName, reader.format(), outcomes), writes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The household this row is, by its number, or by name + kana + birth date when it has none; null for a new one. */
    private Long match(HouseholdImportRow read) {
        if (read.number() != null) {
            if (repository.existsById(read.number())) {
                return read.number();
            }
            read.reading().reject(HouseholdImportColumns.NUMBER, read.number() + " の世帯はありません（新しい世帯は世帯番号を空けてください）");
            return null;
        }
        HouseholdForm f = read.form();
        if (f.childFamilyName() == null || f.childGivenName() == null || f.childFamilyNameKana() == null
                || f.childGivenNameKana() == null || f.childBirthDate() == null) {
            return null;
        }
        List<Household> same = repository.findByChildFamilyNameAndChildGivenNameAndChildFamilyNameKanaAndChildGivenNameKanaAndChildBirthDate(
                f.childFamilyName(), f.childGivenName(), f.childFamilyNameKana(), f.childGivenNameKana(), f.childBirthDate());
        if (same.size() > 1) {
            read.reading().reject(HouseholdImportColumns.NUMBER, "同じ氏名・カナ・生年月日の世帯が" + same.size()
                    + "件あります。どの世帯か世帯番号を入れてください");
            return null;
        }
        return same.isEmpty() ? null : same.get(0).id();
    }
}
