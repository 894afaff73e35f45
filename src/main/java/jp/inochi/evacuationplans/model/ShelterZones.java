package jp.inochi.evacuationplans.model;

/** Does this shelter itself lie in a zone of this hazard? (answered from Inochi's hazard layers) */
@FunctionalInterface
public interface ShelterZones {
    boolean inZone(long shelterId, PlanHazard hazard);
}
