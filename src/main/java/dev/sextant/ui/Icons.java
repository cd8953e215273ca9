package dev.sextant.ui;

import dev.sextant.schema.ObjectKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.javafx.IkonResolver;

/** The icon of each kind of object, in one place so every view agrees. */
public final class Icons {

    private Icons() {
    }

    /** A small flat button that shows only an icon, with a tooltip saying what it does (panel headers). */
    public static javafx.scene.control.Button button(String id, Ikon ikon, String tooltip) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(null, of(ikon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "button-icon", "small");
        Tips.set(b, tooltip);
        return b;
    }

    /**
     * Loads the icon font on a thread of its own. The first icon otherwise does it on the JavaFX thread: Ikonli
     * looks for icon packs in every jar, sets up java.util.logging and copies the font to a temporary file.
     */
    public static void prepareInBackground() {
        Thread t = new Thread(IkonResolver::getInstance, "icon-font");
        t.setDaemon(true);
        t.start();
    }

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("sx-icon");
        return icon;
    }

    public static FontIcon forKind(ObjectKind kind) {
        FontIcon icon = of(ikonFor(kind));
        icon.getStyleClass().add(styleClassFor(kind));
        return icon;
    }

    /** The style class that colours a kind's icon, e.g. {@code sx-icon-table}. */
    public static String styleClassFor(ObjectKind kind) {
        return "sx-icon-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The icon of a kind of object, for views that reuse one icon node (tree cells). */
    public static Ikon ikonFor(ObjectKind kind) {
        return switch (kind) {
            case CATALOG -> Feather.DATABASE;
            case SCHEMA -> Feather.LAYERS;
            case TABLE, SYSTEM_TABLE, PARTITION, EXTERNAL_TABLE -> Feather.GRID;
            case VIEW, MATERIALIZED_VIEW -> Feather.EYE;
            case COLUMN -> Feather.COLUMNS;
            case INDEX -> Feather.ZAP;
            case FOREIGN_KEY -> Feather.LINK;
            case CONSTRAINT -> Feather.CHECK_SQUARE;
            case TRIGGER -> Feather.ACTIVITY;
            case TYPE -> Feather.BOX;
            case ROUTINE -> Feather.CODE;
            case SEQUENCE -> Feather.HASH;
        };
    }
}
