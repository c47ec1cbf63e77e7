package org.accordpay.console.internal.base;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;

/**
 * The application shell of the consoles: page settings shared by every view (Lumo, the default theme), and
 * server push, so a view can show a change the moment Accord sees it (the hosted checkout's approval).
 */
@Push
@Viewport("width=device-width, initial-scale=1")
public final class ConsoleShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
