package dev.sextant.ui;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the mouse first reaches their control. A tooltip is a popup window of its own, and the
 * main window's tool bars and panels carry a dozen or more that most sessions never show; making them at
 * the start cost more than a twentieth of the time to the window. The text is the control's accessible help
 * from the start, so screen readers have it whether or not the tooltip was made.
 */
public final class Tips {

    private Tips() {
    }

    /** Gives {@code control} the tooltip {@code text}, made the first time the mouse enters the control. */
    public static void set(Control control, String text) {
        control.setAccessibleHelp(text);
        control.addEventFilter(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        });
    }
}
