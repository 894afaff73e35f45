package jp.inochi.hazards;

import java.time.Instant;
import jp.inochi.hazards.model.HazardType;

/**
 * Published (synchronously, inside the import's transaction) when a hazard layer got a new current version.
 * Listeners that keep data derived from the zones update it in the same transaction: household exposure does.
 * {@code previousVersionId} is null for a new layer; its zones are deleted right after the listeners return.
 */
public record HazardLayerReplaced(long layerId, HazardType hazardType, long versionId, Long previousVersionId,
                                  Instant at) {
}
