package io.spot.onboarding.common.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * What {@code cfn generate} writes for a schema's {@code typeConfiguration}. All four Spot types
 * declare the same one, so they share this class; a test in each type checks its schema still
 * matches it.
 */
@Data
@Builder
@AllArgsConstructor
@NoArgsConstructor
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class TypeConfigurationModel {
    @JsonProperty("SpotCredentials")
    private SpotCredentials spotCredentials;
}
