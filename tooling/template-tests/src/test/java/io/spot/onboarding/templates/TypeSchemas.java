package io.spot.onboarding.templates;

import io.spot.onboarding.testing.SchemaContract;
import java.util.Map;
import java.util.TreeMap;
import org.json.JSONObject;

/** The four types' schemas, by file name, read from their modules. */
final class TypeSchemas {
    static final Map<String, String> MODULES = Map.of(
            "spot-onboarding-account.json", "spot-account",
            "spot-onboarding-linkedcredentials.json", "spot-linked-credentials",
            "spot-onboarding-accountalias.json", "spot-account-alias",
            "spot-onboarding-costintelligence.json", "spot-cost-intelligence");

    private TypeSchemas() {}

    static Map<String, JSONObject> all() {
        final Map<String, JSONObject> schemas = new TreeMap<>();
        MODULES.forEach((file, module) -> schemas.put(
                file, SchemaContract.load(CfnYaml.ROOT.resolve(module).resolve(file))));
        return schemas;
    }
}
