package io.spot.onboarding.runner.spot;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.harness.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Loads a Spot type from the classpath by name: its HandlerWrapper and the schema packaged with
 * it. A type whose module is not in the build is a {@link TypeUnavailableException} that says
 * which module to build, never a compile failure of the runner.
 */
public final class SpotTypeLoader {
    private final SecretScanner scanner;
    private final Map<String, SpotHandlerType> loaded = new ConcurrentHashMap<>();

    public SpotTypeLoader(final SecretScanner scanner) {
        this.scanner = scanner;
    }

    public SpotHandlerType load(final String typeName) {
        final SpotTypeInfo info = SpotTypeInfo.find(typeName)
                .orElseThrow(() ->
                        new TypeUnavailableException(typeName + " is not a Spot type the runner knows (it knows "
                                + String.join(
                                        ", ",
                                        SpotTypeInfo.ALL.stream()
                                                .map(SpotTypeInfo::typeName)
                                                .toList()) + ")"));
        return loaded.computeIfAbsent(typeName, name -> load(info));
    }

    private SpotHandlerType load(final SpotTypeInfo info) {
        final Class<?> wrapperClass;
        try {
            wrapperClass = Class.forName(info.wrapperClass());
        } catch (ClassNotFoundException e) {
            throw new TypeUnavailableException(info.typeName() + ": its handlers (" + info.wrapperClass() + ") are not "
                    + "in this build of the runner. Build module " + info.module() + " into spot-runner.jar (it joins "
                    + "automatically once the module has .rpdk-config and is installed or in the reactor).");
        }
        if (!RequestStreamHandler.class.isAssignableFrom(wrapperClass)) {
            throw new TypeUnavailableException(info.wrapperClass() + " is not a Lambda RequestStreamHandler");
        }
        final SchemaSpec schema = SchemaSpec.from(schema(info, wrapperClass), info.schemaFile());
        if (!info.typeName().equals(schema.typeSpec().typeName())) {
            throw new TypeUnavailableException(
                    info.schemaFile() + " declares " + schema.typeSpec().typeName() + ", not " + info.typeName());
        }
        final HandlerContract contract =
                new HandlerContract(schema.primaryIdentifier(), info.createMayWaitWithoutIdentifier());
        return new SpotHandlerType(info, schema, new HandlerPool(instances(wrapperClass), contract, scanner));
    }

    /** The schema from the type's own jar: the one its wrapper validates models against. */
    private static JsonNode schema(final SpotTypeInfo info, final Class<?> wrapperClass) {
        try (InputStream in = wrapperClass.getClassLoader().getResourceAsStream(info.schemaFile())) {
            if (in == null) {
                throw new TypeUnavailableException(
                        info.typeName() + ": " + info.schemaFile() + " is not packaged with " + info.wrapperClass());
            }
            return CloudFormationRequest.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + info.schemaFile(), e);
        }
    }

    private static Supplier<RequestStreamHandler> instances(final Class<?> wrapperClass) {
        final Constructor<?> constructor;
        try {
            constructor = wrapperClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new TypeUnavailableException(wrapperClass.getName() + " has no public no-argument constructor");
        }
        return () -> {
            try {
                return (RequestStreamHandler) constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + wrapperClass.getName(), e);
            }
        };
    }
}
