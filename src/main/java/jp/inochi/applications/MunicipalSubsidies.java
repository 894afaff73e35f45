package jp.inochi.applications;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.inochi.applications.model.SubsidyList;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.lifecycle.Actor;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;

/**
 * The municipalities with their own purchase subsidy (seed 000, line 570), kept as dated lists: the list in force
 * on a date is the latest one dated on or before it. A new list is recorded when the prefecture publishes one.
 */
@Singleton
public class MunicipalSubsidies {
    private final SubsidyListRepository lists;
    private final Municipalities municipalities;
    private final AuditLog auditLog;
    private final Clock clock;

    MunicipalSubsidies(SubsidyListRepository lists, Municipalities municipalities, AuditLog auditLog, Clock clock) {
        this.lists = lists;
        this.municipalities = municipalities;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Serdeable
    public record NewSubsidyList(@NotNull LocalDate asOf, @NotBlank @Size(max = 500) String source,
                                 @NotNull @Size(max = 45) List<@NotBlank @Size(max = 5) String> municipalityCodes) {
    }

    public SubsidyList inForceOn(LocalDate date) {
        return lists.findInForceOn(date)
                .map(list -> new SubsidyList(list.asOf(), Set.copyOf(lists.findMunicipalityCodes(list.asOf())), list.source()))
                .orElse(SubsidyList.none());
    }

    public List<SubsidyList> all() {
        return lists.findAllOrderByAsOfDesc().stream()
                .map(list -> new SubsidyList(list.asOf(), new LinkedHashSet<>(lists.findMunicipalityCodes(list.asOf())), list.source()))
                .toList();
    }

    @Transactional
    public SubsidyList record(Actor actor, @Valid NewSubsidyList list) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < list.municipalityCodes().size(); i++) {
            if (municipalities.municipality(list.municipalityCodes().get(i)).isEmpty()) {
                errors.add(new FieldError("municipalityCodes[" + i + "]",
                        "熊本県の市町村コードではありません: " + list.municipalityCodes().get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (lists.existsById(list.asOf())) {
            throw new ConflictException(list.asOf() + "現在の助成制度一覧は既に登録されています");
        }
        lists.save(new SubsidyListRecord(list.asOf(), list.source().strip(), clock.instant()));
        new LinkedHashSet<>(list.municipalityCodes()).forEach(code -> lists.addEntry(list.asOf(), code));
        if (!actor.isSystem()) {
            auditLog.changed(actor.viewer(), AuditAction.CREATE, "municipal-subsidy-lists", "municipal_subsidy_list",
                    list.asOf(), null, list.municipalityCodes().size() + " municipalities");
        }
        return new SubsidyList(list.asOf(), Set.copyOf(list.municipalityCodes()), list.source().strip());
    }
}
