package dev.annota.formats.coco;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of the COCO package. COCO files are mostly numbers, so it parses and writes doubles
 * with Jackson's fast (and exact: correctly rounded, shortest round-tripping) double parser and writer.
 */
final class CocoJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private CocoJson() {
    }
}
