"""The OpenAPI schema as a generated client reads it: described parameters, typed include= records, export columns."""
import csv
import io

import pytest


@pytest.fixture
def schema(client, db):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if isinstance(operation, dict) and "responses" in operation:
                yield path, method, operation


def test_every_parameter_of_every_operation_says_what_it_takes(schema):
    undescribed = [
        (method, path, parameter["name"])
        for path, method, operation in _operations(schema)
        for parameter in operation.get("parameters", [])
        if not parameter.get("description", "").strip()
    ]
    assert undescribed == []


def test_parameters_naming_a_record_say_it_may_be_a_slug_a_former_slug_or_an_id(schema):
    meetings = {parameter["name"]: parameter for parameter in schema["paths"]["/api/v1/meetings/"]["get"]["parameters"]}
    assert "former slug" in meetings["person"]["description"]
    assert "permanent numeric id" in meetings["person"]["description"]
    detail = schema["paths"]["/api/v1/people/{slug}/"]["get"]["parameters"]
    slug = next(parameter for parameter in detail if parameter["name"] == "slug")
    assert "permanent numeric id" in slug["description"] and "301" in slug["description"]
    figures = {parameter["name"]: parameter for parameter in schema["paths"]["/api/v1/figures/"]["get"]["parameters"]}
    assert figures["place"]["description"] != "Place"


def test_no_description_is_a_code_comment_inherited_from_a_base_class(schema):
    # A serializer without a docstring of its own used to show its base class's, written for maintainers.
    texts = [component.get("description", "") for component in schema["components"]["schemas"].values()]
    texts += [operation.get("description", "") for _, _, operation in _operations(schema)]
    for marker in ("A serializer whose", "Validate a write as the admin does", "`include_fields`", "full_clean()"):
        assert not [text for text in texts if marker in text], marker
    assert "embedded in others" in schema["components"]["schemas"]["MeetingSummary"]["description"]


def test_records_added_by_include_are_typed_in_the_response_schemas(schema):
    components = schema["components"]["schemas"]
    meeting = components["Meeting"]
    for name, component in (("decisions", "Decision"), ("attendees", "Attendee"), ("citations", "Citation")):
        assert meeting["properties"][name]["items"] == {"$ref": f"#/components/schemas/{component}"}
        assert name not in meeting["required"]  # present only when include= asks for them
    assert components["Decision"]["properties"]["citations"]["items"] == {"$ref": "#/components/schemas/Citation"}
    assert components["Person"]["properties"]["attendances"]["items"] == {"$ref": "#/components/schemas/PersonAttendance"}
    assert components["Source"]["properties"]["text"]["type"] == "string"


def test_export_operations_list_the_columns_they_give(schema, client, sample_archive):
    for resource in ("meetings", "decisions", "attendees", "sources", "citations", "figures"):
        described = schema["paths"][f"/api/v1/{resource}/export/csv/"]["get"]["description"]
        header = next(csv.reader(io.StringIO(b"".join(client.get(f"/api/v1/{resource}/export/csv/").streaming_content).decode())))
        assert f"Columns, in this order: {', '.join(f'`{name}`' for name in header)}." in described
        items = schema["paths"][f"/api/v1/{resource}/export/json/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["items"]
        assert list(items["properties"]) == header
