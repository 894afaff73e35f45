package jp.inochi.layers.reading;

/** The file can't be read as delivered; the message says where and why, in Japanese, for the person importing it. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
