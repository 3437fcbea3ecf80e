package lv.opengov.reporting.evidence;

/**
 * What the evidence module needs to know of a report's cycle: whether it is published, which makes
 * the files marked public public. Declared here and answered by the cycle module, which knows.
 */
public interface EvidenceCycles {

    boolean isPublished(Long cycleId);
}
