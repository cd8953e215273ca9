package dev.sextant.schema;

/** Every kind of object the schema model holds; the tree picks an icon per kind. */
public enum ObjectKind {
    CATALOG("catalog"), SCHEMA("schema"), TABLE("table"), VIEW("view"), MATERIALIZED_VIEW("materialized view"),
    EXTERNAL_TABLE("external table"), PARTITION("partition"), SYSTEM_TABLE("system table"), COLUMN("column"),
    INDEX("index"), FOREIGN_KEY("foreign key"), CONSTRAINT("constraint"), TRIGGER("trigger"), ROUTINE("routine"),
    SEQUENCE("sequence"), TYPE("type");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Tables and table-like objects one can SELECT from. */
    public boolean isRelation() {
        return this == TABLE || this == VIEW || this == MATERIALIZED_VIEW || this == EXTERNAL_TABLE
                || this == PARTITION || this == SYSTEM_TABLE;
    }
}
