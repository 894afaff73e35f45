-- Search (issue 12): the folding rule of jp.inochi.platform.search.KanaFold, in SQL, so a list can compare what
-- staff typed (folded in Java) with what is stored (folded here): NFKC (half-width kana full-width, full-width
-- letters and digits plain), lower case, katakana to hiragana, no spaces. SearchFoldAgreesWithSqlTest keeps them equal.
CREATE FUNCTION search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN translate(regexp_replace(lower(normalize(coalesce(value, ''), NFKC)), '[[:space:]]', '', 'g'),
                     'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヽヾ',
                     'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ');

-- Only the digits of a phone number: 「096-123-4567」 and 「0961234567」 are the same number.
CREATE FUNCTION search_digits(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(coalesce(value, ''), '[^0-9]', '', 'g');

-- Whether a household is found by a folded search text (the child's or a guardian's name or kana) or by the digits
-- of a guardian's phone. Every list (households, loans, applications, devices, work list) asks this one question;
-- the number match (世帯・貸与・申請番号) is each list's own, as is the scope.
CREATE FUNCTION household_matches_search(household bigint, folded text, phone_digits text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN EXISTS (SELECT 1 FROM household h
                   WHERE h.id = household
                     AND (strpos(search_fold(h.child_family_name || h.child_given_name), folded) > 0
                          OR strpos(search_fold(h.child_family_name_kana || h.child_given_name_kana), folded) > 0))
        OR EXISTS (SELECT 1 FROM guardian g
                   WHERE g.household_id = household
                     AND (strpos(search_fold(g.name), folded) > 0
                          OR strpos(search_fold(g.name_kana), folded) > 0
                          OR (phone_digits IS NOT NULL AND strpos(search_digits(g.phone), phone_digits) > 0)));
