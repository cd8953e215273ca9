package dev.sextant.connector;

/** How a configuration field is edited and validated. */
public enum FieldType {
    TEXT, INTEGER, BOOLEAN, FILE, CHOICE, PASSWORD
}
