package dev.helix.web.api.memory;

import dev.helix.compute.model.SimilarityIndex;
import dev.helix.memory.model.Memory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A similarity search.
 *
 * @param query what to find memories like
 * @param k     how many, 1 to 64 (5 when absent)
 * @param scope a workspace; all workspaces when absent
 */
public record MemorySearchRequest(@NotBlank(message = "query is required") @Size(max = Memory.MAX_TEXT, message = "query is at most {max} characters") String query,
                                  @Min(value = 1, message = "k is at least 1") @Max(value = SimilarityIndex.MAX_K, message = "k is at most {value}") Integer k,
                                  @Size(max = 64, message = "scope is at most 64 characters") String scope) {
}
