package workbook.socket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Random request lines for the hidden tests, so that no answer can be learned by heart. */
final class RandomText {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:!?-_/\\'\"$%&*()[]{}<>=+~#@|^`\t\r"
            + "àéîõüßçñøåæœ中文字符ЖжЩщ";
    private static final String[] EMOJI = {"\uD83D\uDE00", "\uD83D\uDE80", "\uD83C\uDF0D"};

    private RandomText() {
    }

    static String line(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(30) == 0) {
                text.append(EMOJI[random.nextInt(EMOJI.length)]);
            } else {
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                text.append(c == '\r' ? ' ' : c);
            }
        }
        return text.toString();
    }

    /** @return what the echo protocol answers to {@code line}: ASCII letters upper-cased, all else unchanged */
    static String expectedReply(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new String(EchoProtocol.upperCase(bytes, bytes.length), StandardCharsets.UTF_8);
    }

    /** @return a line of random bytes, every value but '\n', including invalid UTF-8 */
    static byte[] binaryLine(Random random, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = 0; b < 256; b++) {
            if (b != '\n') {
                bytes.write(b);
            }
        }
        while (bytes.size() < length) {
            int b = random.nextInt(256);
            if (b != '\n') {
                bytes.write(b);
            }
        }
        byte[] line = bytes.toByteArray();
        for (int i = line.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte t = line[i];
            line[i] = line[j];
            line[j] = t;
        }
        return line;
    }
}
