package io.reactorbench.cli;

import io.reactorbench.wire.units.Quantities;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters onto the shared parser of quantities ({@link Quantities}), so that options take the same
 * {@code 20k} and {@code 1KiB} that suite files and gate policies take.
 */
final class UnitConverters {

    private UnitConverters() {
    }

    /** A whole count that fits an int: {@code --connections 20k}. */
    static final class IntCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return toInt(convertLong(text, false), text);
        }
    }

    /** A whole count: {@code --requests 1M}. */
    static final class LongCount implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return convertLong(text, false);
        }
    }

    /** A rate, fractions allowed: {@code --rate 20k}, {@code --connect-rate 0.5}. */
    static final class Rate implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                return Quantities.parseCount(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A byte size that fits an int: {@code --size 1KiB}. */
    static final class IntBytes implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return toInt(convertLong(text, true), text);
        }
    }

    /** A byte size: {@code --max-in-flight 64MiB}. */
    static final class LongBytes implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return convertLong(text, true);
        }
    }

    private static long convertLong(String text, boolean bytes) {
        try {
            return bytes ? Quantities.parseWholeBytes(text) : Quantities.parseWholeCount(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static int toInt(long value, String text) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + text + "' is too large");
        }
        return (int) value;
    }
}
