package dev.annota.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.CheckboxAttribute;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.MultiSelectAttribute;
import dev.annota.core.schema.NumberAttribute;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.Skeleton;
import dev.annota.core.schema.TextAttribute;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSchemaJsonTest {
    static Stream<Arguments> attributes() {
        return Stream.of(
                Arguments.of(new SelectAttribute("pose", List.of("standing", "sitting"), true, Optional.of("sitting"))),
                Arguments.of(SelectAttribute.of("pose", List.of("a"))),
                Arguments.of(new MultiSelectAttribute("tags", List.of("a", "b", "c"), false, List.of("c", "a"))),
                Arguments.of(new MultiSelectAttribute("tags", List.of("a"), true, List.of())),
                Arguments.of(new NumberAttribute("age", OptionalDouble.of(0), OptionalDouble.of(120), true, false, OptionalDouble.of(30))),
                Arguments.of(new NumberAttribute("score", OptionalDouble.empty(), OptionalDouble.of(1.5), false, true, OptionalDouble.empty())),
                Arguments.of(new TextAttribute("note", 200, false, Optional.of("none"))),
                Arguments.of(TextAttribute.of("remark")),
                Arguments.of(new CheckboxAttribute("occluded", true, true)),
                Arguments.of(CheckboxAttribute.of("truncated")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributes")
    void every_attribute_type_round_trips(AttributeSpec spec) {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("Car", c -> c.withKinds(Set.of(AnnotationKind.BOX)).withAttributes(List.of(spec)));
        LabelSchema schema = b.build();
        String json = LabelSchemaJson.write(schema);
        LabelSchema back = LabelSchemaJson.read(json);
        assertEquals(schema, back);
        assertEquals(spec, back.classes().get(0).attributes().get(0));
        assertEquals(json, LabelSchemaJson.write(back), "writing is deterministic");
    }

    @Test
    void skeletons_kinds_and_colours_round_trip() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("Person", c -> c.withKinds(EnumSet.of(AnnotationKind.BOX, AnnotationKind.KEYPOINTS)).withColour("#12ab34")
                .withSkeleton(Skeleton.of(List.of("head", "neck", "hip"), new int[] {0, 1}, new int[] {2, 1})));
        b.add("Sky", c -> c.withKinds(EnumSet.of(AnnotationKind.MASK, AnnotationKind.POLYGON)));
        b.add("Tagged");
        LabelSchema schema = b.build();
        LabelSchema back = LabelSchemaJson.read(LabelSchemaJson.write(schema));
        assertEquals(schema, back);
        LabelClass person = back.require(LabelId.of(1));
        assertEquals(List.of(Skeleton.Edge.of(0, 1), Skeleton.Edge.of(2, 1)), person.skeleton().orElseThrow().edges());
        assertEquals("#12AB34", person.colour());
        assertTrue(LabelSchemaJson.write(schema).contains("\"edges\":[[0,1],[2,1]]"), LabelSchemaJson.write(schema));
    }

    @Test
    void the_next_id_survives_so_a_deleted_class_id_is_never_handed_out_again() {
        LabelSchema schema = LabelSchema.of("a", "b", "c").toBuilder().remove(LabelId.of(3)).build();
        LabelSchema back = LabelSchemaJson.read(LabelSchemaJson.write(schema));
        assertEquals(schema, back);
        assertEquals(LabelId.of(4), back.toBuilder().add("d"));
        assertEquals(LabelId.of(4), LabelSchemaJson.nextId(back));
    }

    @Test
    void missing_optional_fields_take_their_defaults() {
        LabelSchema s = LabelSchemaJson.read("{\"classes\":[{\"id\":2,\"name\":\"  Road   sign \",\"attributes\":[{\"name\":\"n\",\"type\":\"text\"}]}]}");
        LabelClass c = s.require(LabelId.of(2));
        assertEquals("Road sign", c.name());
        assertEquals(LabelClass.defaultColour(LabelId.of(2)), c.colour());
        assertEquals(EnumSet.allOf(AnnotationKind.class), c.kinds());
        assertEquals(TextAttribute.of("n"), c.attributes().get(0));
        assertEquals(LabelId.of(3), LabelSchemaJson.nextId(s));
    }

    @Test
    void a_draft_has_no_id_and_becomes_a_class_with_the_id_given() {
        LabelSchemaJson.ClassDraft d = LabelSchemaJson.readDraft("{\"name\":\"Truck\",\"kinds\":[\"box\"]}");
        LabelClass c = d.toClass(LabelId.of(9), "#000000");
        assertEquals(new LabelClass(LabelId.of(9), "Truck", "#000000", Set.of(AnnotationKind.BOX), List.of(), Optional.empty()), c);
        ValidationException e = assertThrows(ValidationException.class, () -> LabelSchemaJson.readDraft("{\"id\":3,\"name\":\"x\"}"));
        assertTrue(e.getMessage().startsWith("/: field 'id': expected only the fields name, colour"), e.getMessage());
    }

    @Test
    void errors_of_several_classes_are_reported_together() {
        ValidationException e = assertThrows(ValidationException.class, () -> LabelSchemaJson.read(
                "{\"classes\":[{\"id\":1,\"name\":\"\"},{\"id\":2,\"name\":\"ok\",\"colour\":\"red\"}]}"));
        assertEquals(2, e.errors().size(), e.errors().toString());
        assertEquals("/classes/0", e.errors().get(0).location());
        assertEquals("/classes/1", e.errors().get(1).location());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "attribute type radio   | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'radio'}]}]}                        | /classes/0/attributes/0 | type       | radio",
        "no attribute type      | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x'}]}]}                                       | /classes/0/attributes/0 | type       | nothing",
        "blank class name       | {'classes':[{'id':1,'name':'  '}]}                                                                 | /classes/0              | name       | '  '",
        "class name a number    | {'classes':[{'id':1,'name':5}]}                                                                    | /classes/0              | name       | 5",
        "colour red             | {'classes':[{'id':1,'name':'a','colour':'red'}]}                                                   | /classes/0              | colour     | red",
        "unknown kind           | {'classes':[{'id':1,'name':'a','kinds':['box','blob']}]}                                           | /classes/0              | kinds[1]   | blob",
        "no kinds               | {'classes':[{'id':1,'name':'a','kinds':[]}]}                                                       | /classes/0              | kinds      | []",
        "id zero                | {'classes':[{'id':0,'name':'a'}]}                                                                  | /classes/0              | id         | 0",
        "id as text             | {'classes':[{'id':'one','name':'a'}]}                                                              | /classes/0              | id         | one",
        "duplicate id           | {'classes':[{'id':1,'name':'a'},{'id':1,'name':'b'}]}                                              | /classes/1              | id         | 1",
        "duplicate name         | {'classes':[{'id':1,'name':'T-shirt'},{'id':2,'name':'t-shirt '}]}                                 | /classes/1              | name       | t-shirt",
        "misspelt field         | {'classes':[{'id':1,'name':'a','color':'#FFFFFF'}]}                                                | /classes/0              | color      | #FFFFFF",
        "select without options | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'select','options':[]}]}]}         | /classes/0/attributes/0 | options    | []",
        "select bad default     | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'select','options':['p'],'default':'q'}]}]} | /classes/0/attributes/0 | default | q",
        "multi option a number  | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'multi_select','options':['p',3]}]}]} | /classes/0/attributes/0 | options[1] | 3",
        "number min above max   | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'number','min':5,'max':1}]}]}      | /classes/0/attributes/0 | max        | 1.0",
        "integer default 2.5    | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'number','integer':true,'default':2.5}]}]} | /classes/0/attributes/0 | default | 2.5",
        "text max_length zero   | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'text','max_length':0}]}]}         | /classes/0/attributes/0 | max_length | 0",
        "required as text       | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'checkbox','required':'yes'}]}]}   | /classes/0/attributes/0 | required   | yes",
        "options on a checkbox  | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'checkbox','options':['a']}]}]}    | /classes/0/attributes/0 | options    | [\"a\"]",
        "duplicate attribute    | {'classes':[{'id':1,'name':'a','attributes':[{'name':'x','type':'text'},{'name':'X ','type':'text'}]}]} | /classes/0 | attributes[1].name | X",
        "edge out of range      | {'classes':[{'id':1,'name':'a','kinds':['keypoints'],'skeleton':{'points':['p','q'],'edges':[[0,2]]}}]} | /classes/0/skeleton | edges[0] | [0, 2]",
        "edge of one index      | {'classes':[{'id':1,'name':'a','kinds':['keypoints'],'skeleton':{'points':['p','q'],'edges':[[0]]}}]}   | /classes/0/skeleton | edges[0] | [0]",
        "skeleton without kind  | {'classes':[{'id':1,'name':'a','kinds':['box'],'skeleton':{'points':['p']}}]}                      | /classes/0              | skeleton   | [p]",
        "classes not an array   | {'classes':{}}                                                                                     | /                       | classes    | {}",
        "next id too low        | {'next_id':2,'classes':[{'id':5,'name':'a'}]}                                                      | /                       | next_id    | 2",
    })
    void names_the_pointer_field_and_value(String rule, String json, String pointer, String field, String value) {
        ValidationException e = assertThrows(ValidationException.class, () -> LabelSchemaJson.read(json.replace('\'', '"')));
        String m = e.getMessage();
        assertTrue(m.startsWith(pointer + ": field '" + field + "'"), m);
        assertTrue(m.endsWith(value.equals("nothing") ? "got nothing" : "got \"" + value.replace("'", "") + "\""), m);
    }

    @Test
    void the_message_matches_the_documented_shape() {
        ValidationException e = assertThrows(ValidationException.class, () -> LabelSchemaJson.read(
                "{\"classes\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"},{\"id\":3,\"name\":\"c\"},"
                        + "{\"id\":4,\"name\":\"d\",\"attributes\":[{\"name\":\"x\",\"type\":\"radio\"}]}]}"));
        assertEquals("/classes/3/attributes/0: field 'type': expected one of select, multi_select, number, text, checkbox, "
                + "got \"radio\"", e.getMessage());
    }
}
