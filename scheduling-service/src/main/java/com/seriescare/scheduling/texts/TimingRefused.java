package com.seriescare.scheduling.texts;

import com.seriescare.texts.TextTiming;
import java.util.List;

/** A timing a clinic may not use, field by field; nothing was saved. Answered with 422. */
public class TimingRefused extends RuntimeException {

    private final List<TextTiming.Problem> problems;

    TimingRefused(List<TextTiming.Problem> problems) {
        super("The timing was not saved: "
                + String.join(
                        "; ",
                        problems.stream()
                                .map(p -> p.field() + " " + p.message())
                                .toList()));
        this.problems = List.copyOf(problems);
    }

    public List<TextTiming.Problem> problems() {
        return problems;
    }
}
