package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.LocalDate;
import java.time.ZoneId;
import org.accordpay.api.time.AccordClock;

/** From and to date pickers of a period, the current month (up to today) by default. */
final class PeriodPicker extends HorizontalLayout {

    private static final long serialVersionUID = 1L;

    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");

    PeriodPicker(String idPrefix, AccordClock clock, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.now(), zone);
        from.setId(idPrefix + "-from");
        to.setId(idPrefix + "-to");
        from.setValue(today.withDayOfMonth(1));
        to.setValue(today.withDayOfMonth(today.lengthOfMonth()));
        add(from, to);
        setPadding(false);
    }
}
