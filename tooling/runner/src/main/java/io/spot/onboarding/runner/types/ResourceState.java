package io.spot.onboarding.runner.types;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A resource as it exists after its last operation.
 *
 * @param model what Ref, Fn::GetAtt, Read, Update and Delete work from: for a Spot type the
 *              handler's last model; for an AWS type its properties plus attributes such as Arn
 */
public record ResourceState(String physicalId, ObjectNode model) {}
