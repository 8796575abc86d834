package io.spot.onboarding.costintelligence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.spot.onboarding.common.handler.SpotCallbackContext;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;
import lombok.ToString;

/**
 * Progress of one CostIntelligence operation. Each step records itself here the moment it is done,
 * so a re-invocation (after a wait, a 429 or a 5xx) neither validates nor enrolls twice, and a
 * search through a long enrolled-accounts list resumes on the page where the last invocation stopped.
 */
@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CallbackContext extends SpotCallbackContext {
    /** Spot's pre-flight validation passed (or was not asked for). */
    private boolean validated;
    /** The pre-flight's warnings, for the final event message; null when there were none. */
    private String warnings;
    /** Spot answered the enrollment: accepted, or refused in a way that may mean "already enrolled". */
    private boolean enrollAnswered;
    /** Spot's refusal of the enrollment, kept until the list shows whether the account is enrolled anyway. */
    private String enrollRefusal;
    /** Complete searches of the enrolled-accounts list that did not find the account yet. */
    private int stabilizationChecks;
    /** Spot's pagination key to resume a search from; null when the next search starts at the first page. */
    private String searchKey;
    /** Pages of the enrolled-accounts list this operation has read, across all its searches and invocations. */
    private int searchPages;
}
