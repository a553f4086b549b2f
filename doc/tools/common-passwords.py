#!/usr/bin/env python3
"""Writes src/main/resources/accounts/common-passwords.txt: the passwords people choose most, for the password
rules to refuse (doc/adr/0021). Written offline, from the well-known public lists' heads (the most common
passwords of breach corpora as widely republished) and the patterns those lists are made of: a common word
or name, then digits, a year or a symbol; keyboard walks; repeats. Only what a 12-character minimum lets
through matters, so patterns give only entries of 12 or more; the famous short ones are kept so the file reads
as what it is. Run from the repository
root: python3 doc/tools/common-passwords.py"""

famous = """123456 password 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 1234 password1
iloveyou 1q2w3e4r 000000 qwerty123 zaq12wsx dragon sunshine princess letmein 654321 monkey 27653 1qaz2wsx 123321
qwertyuiop superman asdfghjkl trustno1 football baseball welcome shadow master michael jennifer jordan23 hunter2
123qwe 1q2w3e 121212 passw0rd p@ssw0rd p@ssword password123 password1234 password12345 password123456 qwerty1
qwerty12 qwerty1234 qwerty12345 qwerty123456 qwertyqwerty qwertyuiop123 qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm
asdfghjkl123 asdfasdfasdf asdf1234asdf zxcvbnm zxcvbnm123 zxcvbnmasdfghjkl 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u
1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq1zaq1 zaq1zaq1zaq1 zaq12wsxcde3 !qaz2wsx 1qazxsw2 q1w2e3r4t5y6 a1b2c3d4e5f6
123456789012 1234567890123 12345678901234 123456789012345 1234567890qwerty 0987654321 098765432109 987654321
9876543210 98765432100 111111111111 000000000000 123123123123 112233445566 123412341234 121212121212 147258369
147258369147 159753 159357 789456123 741852963 123654789 12344321 1111111111 0000000000 999999999999 666666666666
555555555555 888888888888 777777777777 222222222222 333333333333 444444444444 abcdefghijkl abcdefghijklmnop
abcd1234abcd abc123abc123 aaaaaaaaaaaa abcabcabcabc iloveyou1234 iloveyou12345 iloveyouiloveyou iloveyou123456
welcome12345 welcome123456 welcome1234 welcometo123 letmein12345 letmein123456 letmeinplease changeme123
changeme1234 changemenow1 correcthorsebatterystaple correcthorse thequickbrownfox thequickbrownfoxjumpsoverthelazydog
passwordpassword password1password mypassword123 mypassword1234 mysecretpassword secretpassword thisismypassword
ilovemyfamily ilovemykids ilovemymum ilovemymom ilovemydad iloveyoubaby iloveyoumore iloveyouforever
administrator admin123456 adminadmin123 administrator1 administrator123 rootroot1234 trustno1trustno1
football1234 football12345 baseball1234 manchesterunited manchesterutd liverpoolfc1 liverpool1892 chelseafc123
arsenalfc1234 tottenhamhotspur newcastleunited blackpanther starwars1234 harrypotter1 harrypotter123
pokemon12345 minecraft123 minecraft1234 fortnite1234 superman1234 batman123456 spiderman123 qwertyuiop1234
1234qwerasdf 1234qwerasdfzxcv qwer1234qwer asdf1234 qazwsxedcrfv qazwsxedc123 wsxedcrfvtgb 1q1q1q1q1q1q
"""

words = """password passw0rd p@ssword p@ssw0rd qwerty iloveyou welcome letmein monkey dragon football baseball sunshine
princess superman batman master shadow michael jessica charlie liverpool chelsea arsenal manchester manutd london
england scotland wales britain summer winter spring autumn january february march april may june july august
september october november december monday tuesday wednesday thursday friday saturday sunday changeme secret
trustno1 admin administrator computer internet starwars pokemon minecraft whatever freedom flower hello loveme
cookie chocolate butterfly purple orange banana tigger pepper ginger maggie buster daisy jordan hunter ashley
thomas daniel matthew andrew joshua william james oliver harry jack george charlotte emily sophie olivia amelia
lucy jasmine hannah lauren samantha rebecca elizabeth victoria alexander christopher nicholas benjamin samuel
joseph anthony robert richard david steven jonathan mark paul peter simon stephen kevin jason justin brandon
family friends forever lovely angel angels heaven blessed jesus jesuschrist godisgood faith hope soccer rugby
cricket tennis hockey golfer killer mustang ferrari porsche mercedes yamaha honda toyota dolphin tiger lion
eagle falcon panther spider horse puppy kitten doggie kitty bubbles cheese pizza coffee whisky guinness
qwertyuiop asdfghjkl zxcvbnm qazwsx 1qaz2wsx abcdef abcdefg abc123 letmein welcome1 access matrix phoenix
dragons wizard merlin gandalf frodo legolas hogwarts marvel avengers ironman thor hulk wolverine
safeguarding children childrens school teacher teachers student students headteacher council police nhs
hospital doctor nurse partnership assure education governor governors social socialworker office work
business company manager company1 service support helpdesk computer1 laptop windows microsoft google
apple samsung iphone android facebook twitter instagram youtube netflix amazon
""".split()

suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "!", "1!", "12!",
            "123!", "1234!", "!!", "!!!", "01", "11", "22", "69", "99", "00", "007", "@123", "#1", "@1", "1@", "123@",
            "1990", "1991", "1992", "1993", "1994", "1995", "1996", "1997", "1998", "1999", "2000", "2001", "2002",
            "2003", "2004", "2005", "2010", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023",
            "2024", "2025", "2026", "2027", "2020!", "2021!", "2022!", "2023!", "2024!", "2025!", "2026!", "123123",
            "111", "321", "4321", "54321", "654321", "abc", "abc123", "qwerty", "xx", "x", "1234567890"]


def main():
    seen, out = set(), []

    def add(p):
        p = p.strip().lower()
        if p and p not in seen:
            seen.add(p)
            out.append(p)

    for p in famous.split():
        add(p)
    # commonness: the list's shape is word-major for the short suffixes, which dominate real corpora
    for s in suffixes:
        for w in words:
            cand = w + s
            if len(cand) >= 12:
                add(cand)
    for w in words:
        for cand in (w + w, w + "password", "password" + w, w + "4ever", "ilove" + w, "my" + w + "123",
                     w + "123!", w + "1234!", w + w + "1", w + "12345!", "the" + w + "123"):
            if len(cand) >= 12:
                add(cand)
    out = out[:10000]
    with open("src/main/resources/accounts/common-passwords.txt", "w") as f:
        f.write("# The commonest passwords, lower case, one a line (doc/tools/common-passwords.py, doc/adr/0021).\n")
        f.write("\n".join(out) + "\n")
    print(len(out), "passwords,", sum(1 for p in out if len(p) >= 12), "of 12 characters or more")


main()
