package jp.inochi.layers.reading.geojson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's syntax errors in the words of the person who sent the file; the reader adds the line and column.
 * Jackson's own English is never shown (it names parser internals such as "close marker").
 */
final class JsonSyntax {
    private static final Pattern CHARACTER = Pattern.compile("^Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '([^']{0,40})");

    private JsonSyntax() {
    }

    static String japanese(JsonProcessingException error) {
        String english = error.getOriginalMessage() == null ? "" : error.getOriginalMessage();
        if (error instanceof JsonEOFException || english.startsWith("Unexpected end-of-input")) {
            return "ファイルが途中で終わっています（送信やコピーの途中で切れた可能性があります）";
        }
        Matcher character = CHARACTER.matcher(english);
        if (character.find()) {
            String found = character.group(1);
            if (english.contains("double-quote to start field name")) {
                return "項目名（\"名前\"）があるべき所に「" + found + "」があります（余分なカンマなど）";
            }
            if (english.contains("comma to separate")) {
                return "「" + found + "」の前にカンマ（,）が抜けています";
            }
            if (english.contains("colon to separate")) {
                return "項目名の後にコロン（:）が抜けています（「" + found + "」の前）";
            }
            return "ここに「" + found + "」は置けません";
        }
        Matcher token = TOKEN.matcher(english);
        if (token.find()) {
            return "値として読めない語「" + token.group(1) + "」があります（文字列は \" で囲み、値は数値・true・false・null のいずれかです）";
        }
        if (english.startsWith("Unexpected close marker")) {
            return "括弧（[ ] または { }）の対応が合っていません";
        }
        if (english.startsWith("Invalid UTF-8") || english.contains("Invalid UTF-8")) {
            return "UTF-8 として読めない文字があります（GeoJSON は UTF-8 で保存してください）";
        }
        if (english.startsWith("Illegal unquoted character")) {
            return "文字列の中に改行などの制御文字がそのまま入っています";
        }
        if (english.contains("umeric value") || english.contains("number")) {
            return "数値として正しくない値があります";
        }
        return "JSON の書き方に誤りがあります";
    }
}
