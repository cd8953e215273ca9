package dev.sextant.ui.window;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the main window looked like when it closed, restored at the next start: size and place, the
 * split positions, the theme, the selected and the open connections. (The editor tabs are kept by the
 * query workbench, with their files.) Kept as JSON in the store's window state; fields a later version
 * adds, or an earlier one wrote, are ignored by this one.
 *
 * @param dividers        the positions of the main split, the left split (connections | schema) and the
 *                        explorer split (tree | details), each from 0 to 1
 * @param openConnections the configs whose connection was open; they are connected again at start
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowState(double x, double y, double width, double height, boolean maximized, List<Double> dividers,
                          Theme theme, String selectedConnection, List<String> openConnections) {

    public WindowState {
        dividers = dividers == null ? List.of() : List.copyOf(dividers);
        theme = theme == null ? Theme.SYSTEM : theme;
        openConnections = openConnections == null ? List.of() : List.copyOf(openConnections);
    }
}
