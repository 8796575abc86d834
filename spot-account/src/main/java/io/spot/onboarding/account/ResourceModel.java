// Written as `cfn generate` writes it from spot-onboarding-account.json; SchemaAgreementTest keeps the two equal.
package io.spot.onboarding.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;
import org.json.JSONObject;

@Data
@Builder(toBuilder = true)
@AllArgsConstructor
@NoArgsConstructor
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class ResourceModel {
    @JsonIgnore
    public static final String TYPE_NAME = "Spot::Onboarding::Account";

    @JsonIgnore
    public static final String IDENTIFIER_KEY_ACCOUNTID = "/properties/AccountId";

    @JsonProperty("AccountId")
    private String accountId;

    @JsonProperty("AwsAccountId")
    private String awsAccountId;

    @JsonProperty("Name")
    private String name;

    @JsonProperty("ExistingAccountPolicy")
    private String existingAccountPolicy;

    @JsonProperty("OrganizationId")
    private String organizationId;

    @JsonProperty("ExternalId")
    private String externalId;

    @JsonProperty("Ownership")
    private String ownership;

    @JsonProperty("PreviousName")
    private String previousName;

    @JsonIgnore
    public JSONObject getPrimaryIdentifier() {
        final JSONObject identifier = new JSONObject();
        if (this.getAccountId() != null) {
            identifier.put(IDENTIFIER_KEY_ACCOUNTID, this.getAccountId());
        }
        // only return the identifier if it can be used, i.e. if all components are present
        return identifier.length() == 1 ? identifier : null;
    }

    @JsonIgnore
    public List<JSONObject> getAdditionalIdentifiers() {
        return null;
    }
}
