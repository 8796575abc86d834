package io.spot.onboarding.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

record PaginationInfo(int totalCount, String nextKey, String previousKey) {

    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("totalCount", totalCount);
        wire.put("nextKey", nextKey);
        wire.put("previousKey", previousKey);
        return wire;
    }
}
