package io.spot.onboarding.common.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;
import lombok.ToString;

/**
 * The generated POJO for {@code SpotCredentials}, with one change to what cfn writes: the token is
 * left out of {@code toString}, so logging the configuration can never leak it.
 */
@Data
@Builder
@AllArgsConstructor
@NoArgsConstructor
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class SpotCredentials {
    @JsonProperty("ApiToken")
    @ToString.Exclude
    private String apiToken;

    @JsonProperty("ApiTokenSecret")
    private String apiTokenSecret;

    @JsonProperty("ApiUrl")
    private String apiUrl;
}
