package io.spot.onboarding.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our stand-in for {@code cfn generate}: rewrites a type's {@code resource-role.yaml} and the
 * reference part of {@code docs/README.md} from its schema, keeping the hand-written notes after
 * the end marker. Usage: {@code GenerateProjectFiles <module dir> <schema file name>}.
 */
public final class GenerateProjectFiles {

    private GenerateProjectFiles() {
    }

    public static void main(final String[] args) throws IOException {
        final Path module = Path.of(args[0]);
        final var schema = SchemaContract.load(module.resolve(args[1]));
        Files.writeString(module.resolve("resource-role.yaml"), ResourceRoleTemplate.render(schema));
        final Path docs = module.resolve("docs/README.md");
        String notes = "";
        if (Files.exists(docs)) {
            final String current = Files.readString(docs);
            final int end = current.indexOf(SchemaDocs.END_MARKER);
            notes = end < 0 ? "" : current.substring(end + SchemaDocs.END_MARKER.length() + 1);
        }
        Files.createDirectories(docs.getParent());
        Files.writeString(docs, SchemaDocs.render(schema) + notes);
    }
}
