package org.kesra.reporting.generation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.reporting.sources.SourceProgress;

/**
 * A kept report file's status, as {@code GET /api/v1/reports/generations/{id}} answers it. {@code state}: QUEUED,
 * RUNNING, DONE (file fields filled), FAILED ({@code problem} says why, as a problem detail would).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationStatus(UUID id, String type, String format, Map<String, String> parameters, String unit,
                               String origin, String requestedBy, Instant requestedAt, String state,
                               Instant startedAt, Instant finishedAt, List<DataVersion> dataVersion,
                               List<SourceOffsets> sourceOffsets, Instant dataAsOf, String fileName, String mediaType,
                               Integer sizeBytes, String sha256, Problem problem) {

    /** One source topic's progress as the file prints it (no lag, no application time: those are not the data). */
    public record DataVersion(String topic, long eventsApplied, String lastEventId, String lastEventType,
                              Instant lastEventTime) {

        static List<DataVersion> of(List<SourceProgress.Source> sources) {
            return sources.stream().map(s -> new DataVersion(s.topic(), s.eventsApplied(),
                    s.lastEventId() == null ? null : s.lastEventId().toString(), s.lastEventType(),
                    s.lastEventTime())).toList();
        }
    }

    /**
     * The Kafka positions a kept file reflects: per source topic and partition the highest offset applied to the
     * data it was made from, read in the same snapshot as the data. A regeneration replays the topics up to these.
     */
    public record SourceOffsets(String topic, List<SourceProgress.Offset> partitions) {

        static List<SourceOffsets> of(List<SourceProgress.Source> sources) {
            return sources.stream().map(s -> new SourceOffsets(s.topic(), s.offsets())).toList();
        }
    }

    /** Why a generation failed: the catalogue's code and title and the Indonesian detail. */
    public record Problem(String code, String title, String detail) {
    }

    /**
     * A regeneration of a kept file as of its recorded offsets ({@code POST .../{id}/regenerations}): {@code state}
     * RUNNING, DONE ({@code result} IDENTICAL or DIFFERENT, both hashes) or FAILED ({@code problem}). The regenerated
     * data version is what the replayed read model held: equal to the kept one when the replay reproduced the data.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Regeneration(UUID id, UUID generationId, String state, String requestedBy, Instant requestedAt,
                               Instant finishedAt, String result, String message, String keptSha256,
                               String regeneratedSha256, List<SourceOffsets> sourceOffsets,
                               List<DataVersion> keptDataVersion, List<DataVersion> regeneratedDataVersion,
                               long eventsReplayed, Problem problem) {
    }

    /** One page of the history, newest first. */
    public record Page(List<GenerationStatus> items, int page, int size, long total) {
    }

    /** One download of a kept file. */
    public record Download(String downloadedBy, List<String> roles, Instant downloadedAt) {
    }

    /**
     * The answer of a verification: the file regenerated now with the kept parameters and the requester's scope.
     * {@code result}: {@code MATCH} (same SHA-256), {@code DATA_CHANGED} (the read model has moved past the kept data
     * version, so different bytes prove nothing), {@code MISMATCH} (same data version, different bytes).
     */
    public record Verification(UUID generationId, String result, String message, String keptSha256,
                               String regeneratedSha256, List<DataVersion> keptDataVersion,
                               List<DataVersion> currentDataVersion, Instant verifiedAt) {
    }
}
