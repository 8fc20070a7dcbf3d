package org.alliancekg.vocab;

/** The unit of a quantity ({@code akg:unit}). */
public enum Unit implements Concept {
    PERCENT_OF_GDP("percent-of-gdp", "PercentOfGDP"),
    PERCENT("percent", "Percent"),
    JPY("jpy", "JapaneseYen"),
    USD("usd", "USDollar"),
    YEAR("year", "Year"),
    COUNT("count", "Count");

    private final Id id;

    Unit(String notation, String localName) {
        this.id = new Id(notation, localName);
    }

    @Override
    public Id id() {
        return id;
    }
}
