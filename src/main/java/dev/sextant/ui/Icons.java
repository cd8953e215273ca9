package dev.sextant.ui;

import dev.sextant.schema.ObjectKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icon of each kind of object, in one place so every view agrees. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("sx-icon");
        return icon;
    }

    public static FontIcon forKind(ObjectKind kind) {
        FontIcon icon = of(switch (kind) {
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
        });
        icon.getStyleClass().add("sx-icon-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return icon;
    }
}
