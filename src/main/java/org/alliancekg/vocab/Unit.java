package org.alliancekg.vocab;

/** The unit of a quantity ({@code akg:unit}). */
public enum Unit implements Concept {
    PERCENT_OF_GDP("percent-of-gdp", "PercentOfGDP"),
    PERCENT("percent", "Percent"),
    JPY("jpy", "JapaneseYen"),
    USD("usd", "USDollar"),
    YEAR("year", "Year"),
    COUNT("count", "Count");

    private final String notation;
    private final String localName;

    Unit(String notation, String localName) {
        this.notation = notation;
        this.localName = localName;
    }

    @Override
    public String notation() {
        return notation;
    }

    @Override
    public String localName() {
        return localName;
    }
}
