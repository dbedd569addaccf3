// Writes src/assets/weak-secrets.txt, the inspector's built-in list of weak secret keys: the
// default keys that Flask-based products shipped, the keys of Flask's docs and well-known
// tutorials, the placeholders that templates put in SECRET_KEY, and the short words, passwords,
// years and keyboard walks people type instead of a random key, plus simple variants of each.
// One key per line, most likely first, no repeats. A key that plain text cannot carry (control
// characters, a line break, bytes, or text that reads as a Python literal) is written as a Python
// literal, the format of flask-unsign's word lists, which the inspector reads line by line. The
// list is deterministic: run `node scripts/weak-secrets.mjs` after editing and commit both files.
import { writeFileSync } from 'node:fs';

const words = (text) => text.split(/\s+/).filter(Boolean);
const bytes = (text) => Uint8Array.from(text, (char) => char.charCodeAt(0));

/**
 * Default keys that shipped with Flask-based products, each group with its public source. They
 * are tried first: an instance left on its default is the commonest real-world weak key.
 */
// prettier-ignore
const shippedDefaults = [
  // Apache Superset (CVE-2023-27524; Horizon3.ai's advisory of 2023-04-25 and the Apache
  // Superset security notice list them): superset/config.py before 1.4.1 (also the config
  // template of Flask-AppBuilder, which Superset is built on), config.py from 1.4.1, the
  // docker/.env templates, and the documentation's example.
  '\x02\x01thisismyscretkey\x01\x02\\e\\y\\y\\h',
  'CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET', 'thisISaSECRET_1234', 'TEST_NON_DEV_SECRET',
  'YOUR_OWN_RANDOM_GENERATED_SECRET_KEY',
  // D-Tale (CVE-2024-3408): the hard-coded SECRET_KEY of dtale/app.py.
  'Dtale',
  // Redash before v10: the REDASH_COOKIE_SECRET default in redash/settings/__init__.py.
  'c292a0a3aa32397cdb050e233733900f',
  // Apache Airflow 1.x (CVE-2020-17526): `secret_key = temporary_key` in the default airflow.cfg.
  'temporary_key',
  // Flask's own documentation: the Quickstart's bytes key, the example output of
  // `python -c 'import secrets; print(secrets.token_hex())'` in Quickstart and Configuration
  // Handling, and the tutorial's `SECRET_KEY='dev'`.
  bytes('_5#y2L"F4Q8z\n\xec]/'),
  '192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbf',
  'dev',
  // Flask-User and its starter app (settings.py), copied into many apps and CTF boxes.
  'This is an UNSECURE Secret. CHANGE THIS for production environments.',
  // Flask-Security's and Flask-JWT's quickstart examples.
  'super-secret',
  // Miguel Grinberg's Flask Mega-Tutorial (config.py).
  'you-will-never-guess',
];

/** A key as one line of the list: plain text when it can be, else a Python literal. */
function asLine(key) {
  if (typeof key === 'string' && !/\p{Cc}/u.test(key) && !/^\s*([rRuUbBfF]{0,2})['"]/.test(key)) {
    return key;
  }
  const codes = typeof key === 'string' ? [...key].map((char) => char.codePointAt(0)) : [...key];
  const body = codes
    .map((code) => {
      if (code === 0x5c) return '\\\\';
      if (code === 0x27) return "\\'";
      if (code === 0x0a) return '\\n';
      if (code < 0x20 || code === 0x7f || (typeof key !== 'string' && code > 0x7f)) {
        return `\\x${code.toString(16).padStart(2, '0')}`;
      }
      return String.fromCodePoint(code);
    })
    .join('');
  return `${typeof key === 'string' ? '' : 'b'}'${body}'`;
}

/** Keys seen as placeholders in tutorials, books, templates and docs, written as phrases. */
// prettier-ignore
const placeholders = [
  'dev', 'secret', 'development key', 'development', 'super secret key', 'you will never guess',
  'hard to guess string', 'your secret key', 'your secret key here', 'change me', 'change this',
  'changeme', 'changethis', 'please change me', 'replace me', 'replace this', 'default',
  'secret key', 'secretkey', 'my secret', 'my secret key', 'mysecret', 'my super secret key',
  'a very secret key', 'very secret', 'very secret key', 'super secret', 'supersecret',
  'top secret', 'topsecret', 'this is a secret', 'this is my secret', 'this is my secret key',
  'this is secret', 'this should be secret', 'not so secret', 'not secret', 'not a secret',
  'no secret', 'insecure', 'insecure key', 'unsafe', 'dev key', 'dev secret', 'dev secret key',
  'development secret', 'development secret key', 'test', 'test key', 'test secret', 'testing',
  'testing key', 'test secret key', 'debug', 'debug key', 'local', 'local key', 'local secret',
  'flask', 'flask secret', 'flask secret key', 'flask key', 'flask app', 'flask session',
  'flaskr', 'microblog', 'my app', 'my flask app', 'app secret', 'app secret key', 'app key',
  'application', 'application secret', 'session', 'session secret', 'session key',
  'session secret key', 'cookie secret', 'cookie key', 'secret cookie', 'cookie', 'keyboard cat',
  'shh', 'shhh', 'shhhh', 'shhhhh', 'hush hush', 'secret123', 's3cr3t', 'secr3t', 's3cret',
  'random', 'random key', 'random string', 'a random string', 'some random string', 'some secret',
  'some secret key', 'something secret', 'something random', 'anything', 'whatever', 'key',
  'my key', 'the key', 'secret password', 'set me', 'set this', 'todo', 'fixme', 'placeholder',
  'temp', 'temporary', 'temporary key', 'example', 'example key', 'example secret', 'sample',
  'demo', 'demo key', 'tutorial', 'api key', 'jwt secret', 'jwt secret key', 'token secret',
  'csrf secret', 'secret key here', 'secret key goes here', 'put your secret here',
  'enter a secret key', 'generate a secret key', 'generate me', 'use a random key',
  'change this key', 'change this secret', 'change in production', 'change me in production',
  'replace in production', 'do not use in production', 'not for production', 'production', 'prod',
  'staging', 'localhost', 'admin', 'admin secret', 'password', 'passw0rd', 'p@ssw0rd', 'P@ssw0rd',
  'Password1', 'root', 'toor', 'guest', 'user', 'login', 'private', 'private key', 'confidential',
  'hidden', 'mystery', 'magic', 'open sesame', 'opensesame', 'hello', 'hello world', 'foo', 'bar',
  'foobar', 'foo bar', 'baz', 'qux', 'spam', 'eggs', 'spam eggs', 'python', 'python secret',
  'django', 'django insecure', 'rails', 'express', 'node', 'webapp', 'website', 'my site', 'blog',
  'todo app', 'backend', 'server', 'server secret', 'web', 'api', 'docker', 'heroku', 'github',
  'none', 'None', 'null', 'undefined', 'false', 'true', 'empty', 'blank', 'nothing', 'abc',
  'abc123', 'xyz', 'asdf', 'qwerty', 'secret1', 'key1', 'pass', 'password123', 'mypassword',
  'letmein', 'A0Zr98j/3yX R~XHH!jmN]LWX/,?RT',
];

/** Frequent passwords, as found at the top of any leaked-password list (profanity left out). */
const passwords = words(`
  a12345 a123456 aaaa aaaaaa aaaaaaaa abc123 abcd1234 abcdef abcdefg access accord action adidas
  adrian airborne alaska albert alex alexander alexis alicia allison alyssa amanda america
  anderson andre andrea andrew andrey angel angela angels animal anthony antonio apollo apple
  apples arizona arnold arsenal arthur asd123 asdasd asdf123 asdf1234 asdfasdf asdfg asdfgh
  asdfghjk asdfghjkl ashley august austin avalon awesome azerty baby babygirl badass badboy
  badger bailey bambam banana bandit barbara barney baseball batman baxter bear beatles beaver
  beavis beer benjamin bigboy bigdaddy bigdog bigred bill billy birdie bishop biteme black blazer
  blink182 blue bond007 bonnie booboo booger boogie boomer boston bradley brandon brandy braves
  brenda brian brittany bronco broncos brooke brooklyn brutus bubba bubbles buddha buddy budlight
  buffalo bulldog bulldogs bullet buster butter calvin camaro cameron canada captain carlos
  carmen carolina caroline carter cartman casper cassie celtic champion chance charles charlie
  cheese chelsea cherokee cherry chester chevy chicago chicken chopper chris claire claudia
  cocacola coffee college colorado compaq computer connor cookie cool cooper copper corvette
  cougar courtney cowboy cowboys creative cricket crystal dakota dallas dancer danger daniel
  danielle darkness dave david debbie december denise dennis destiny dexter diablo diamond diesel
  digger digital disney doctor doggie dolphin dolphins domino donald donkey douglas dragon
  dreamer dreams driver drowssap drummer ducati duncan eagle eagle1 eagles eclipse edward
  einstein elephant eminem empire enigma enter eugene everton explorer extreme falcon family
  fantasy fender ferrari fire fireman fish fishing florida flower fluffy flyers football ford
  forest forever francis frank frankie franklin fred freddy free freedom friday friend friends
  froggy gabriel gandalf garfield gateway gators gemini general genesis genius george georgia
  giants gibson ginger goblue godzilla golden golf golfer goober google gordon green gregory
  guinness guitar gunner hahaha hammer hannah happy hardcore harley hawaii heather heaven hello
  hello1 hello123 helpme hiphop hitman hockey homer honda hooters horses hotdog hotrod house
  houston howard hummer hunter iceman iloveyou infinity internet ireland ironman jack jackie
  jackson jaguar jake james jasmine jason jasper jeffrey jennifer jeremy jessica jessie jester
  jimmy john johnny johnson jonathan jordan jordan23 joseph joshua junior jupiter justice justin
  juventus karina kawasaki kelly kermit kevin killer kimberly king kirill kitten kitty knight
  kristina lacrosse lakers lasvegas lauren legend leslie letmein liberty little liverpool lizard
  logitech lol123 london louise love lovely loveme lover lovers loveyou lucky lucky1 maddog
  madison madonna maggie magic magnum marcus marina marine marines mark marlboro marley marshall
  martin marvin maryjane master matrix matt matthew maverick maximus maxwell melanie melissa
  member mercedes mercury merlin metallic metallica michael michelle michigan mickey midnight
  mike miller minecraft mitchell mmmmmm mnbvcxz molly monday money money1 monica monkey monster
  montana mookie morgan mother motorola mountain mozart muffin murphy music mustang naruto nascar
  natalie natasha nathan naughty ncc1701 ncc1701d nelson newyork nicholas nicole nikita nintendo
  nirvana nissan norman nothing november october oksana oliver olivia online orange ou812 packers
  pamela pantera panther panthers paradise parker pass passion passport passw0rd password
  Password PASSWORD password1 patches patricia patrick patriots paul peaches peanut pearljam
  peekaboo penguin people pepper peter phantom philip phoenix pimpin pirate platinum playboy
  player please pokemon police poohbear pookie poop popcorn porsche power predator prince
  princess private psycho pumpkin purple q1w2e3 q1w2e3r4 q1w2e3r4t5 qazwsx qazwsxedc qazxsw
  qqqqqq qwaszx qwe123 qweasd qweasdzxc qweqwe qwer1234 qwert qwerty qwerty1 qwerty12 qwerty123
  qwertyu qwertyui qwertyuiop rabbit rachel racing raider raiders rainbow ranger rangers rascal
  razz rebecca red123 reddog redskins redsox redwings reggie richard robert rock rocket rocky
  roland rosebud runner rush2112 ruslan russell sabrina saints samantha sammy samson samsung
  samuel sandman sandra sarah saturn scarface school scooby scooter scorpio scorpion scotland
  scott scotty secret security semperfi sergey shadow shannon sharon shelby shorty sierra silver
  simple simpson simpsons skippy skippy1 skyline slayer slipknot smith smokey smooth snickers
  sniper snoopy snowball soccer softball sophie spanky sparky speedy spencer spider spirit
  spitfire spooky stalker stanley star stargate startrek starwars steelers stella stephen steve
  steven stinky success summer sunshine super superman surfer suzuki svetlana sweet sydney system
  taylor tennis teresa test test123 tester testing theman therock thomas thumper thunder thx1138
  tiffany tiger tigers tigger timothy tinker titanic tomcat topgun toyota travis trinity trouble
  trustno1 tucker turtle united vampire vanessa vegeta veronica victor victoria viking vikings
  vincent viper virginia vision vladimir voodoo voyager walker walter warcraft warrior water
  welcome westside whatever wildcat william williams willie willow wilson winner winston winter
  wizard wolf xavier xxxxxx xxxxxxxx yamaha yankees yellow zachary zaq12wsx zombie zxcvbn zxcvbnm
  zzzzzz 0000 00000 000000 00000000 007007 010203 098765 0987654321 101010 102030 1111 11111
  111111 1111111 11111111 1111111111 111222 112233 11223344 1212 121212 12121212 123123 123123123
  123123a 123321 1234 12341234 12344321 12345 1234554321 123456 1234567 12345678 123456789
  1234567890 123456789a 123456a 123456q 12345a 12345q 12345qwert 1234qwer 123654 123654789 123789
  123abc 123qwe 12qwaszx 1313 131313 134679 141414 147147 147258 147258369 147852 159357 159753
  159951 1969 1977 1979 1980 1981 1984 1985 1986 1987 1988 1989 1990 1991 1992 1993 1994 1q2w3e4r
  1q2w3e4r5t 1qaz2wsx 1qazxsw2 2000 202020 2112 212121 2222 222222 232323 242424 252525 3333
  333333 420420 4321 4444 444444 4815162342 5150 54321 5555 55555 555555 55555555 654321 6666
  666666 696969 69696969 741852963 7654321 7777 777777 7777777 77777777 789456 789456123 852456
  8675309 87654321 8888 888888 88888888 987654 98765432 987654321 9999 999999
`);

/** Short, common words people reach for when a key has to be "something". */
const common = words(`
  alpha beta gamma delta omega sigma zeta theta kappa lambda epsilon omicron apple orange
  lemon mango grape cherry berry melon peach pear plum kiwi fruit bread butter honey sugar
  salt pepper coffee tea milk water fire earth wind air ice snow rain storm cloud sky sun
  moon star stars planet galaxy space rocket comet mars venus pluto saturn jupiter neptune
  red blue green yellow black white purple pink brown gray grey gold silver bronze ruby
  emerald sapphire pearl jade amber coral ocean river lake sea beach island mountain forest
  tree leaf flower rose lily daisy tulip garden house home door window key lock box cat dog
  fish bird horse cow pig sheep goat lion tiger bear wolf fox eagle hawk owl raven crow
  shark whale dolphin snake dragon unicorn phoenix griffin wizard witch ninja pirate knight
  king queen prince princess castle tower sword shield magic spell ghost zombie vampire
  robot android cyborg alien laser matrix pixel byte bit code coder coding hacker hack
  admin root sudo shell bash linux unix ubuntu debian windows macos apple google amazon
  cloud server client data database sql mysql postgres sqlite redis mongo nginx apache
  http https web www site page blog news mail email inbox chat forum shop store cart order
  pay money cash bank card credit coin bitcoin crypto token wallet market trade stock
  love hate hope faith peace happy sad angry cool hot cold warm fast slow big small tiny
  huge new old young good bad best better great super mega ultra hyper max min one two three
  four five six seven eight nine ten zero first last start end begin finish open close
  yes no ok okay hi hey hello bye goodbye thanks please sorry welcome friend friends family
  mother father mom dad baby child kid boy girl man woman people person team group club
  school college class student teacher book books paper pencil pen desk chair table
  music song dance party game games play player sport ball soccer tennis golf chess poker
  movie film video photo camera radio tv phone mobile laptop computer tablet mouse keyboard
  monday tuesday wednesday thursday friday saturday sunday january february march april may
  june july august september october november december spring summer autumn fall winter
  morning evening night today tomorrow yesterday time clock watch hour minute second
  john mary james robert michael william david richard joseph thomas charles daniel matthew
  anna emma olivia sophia isabella mia ava emily alice bob carol dave eve frank grace heidi
  ivan judy mallory oscar peggy trent victor walter
`);

const keyboardWalks = words(`
  qwerty qwertyuiop qwertyui qwert qwer asdf asdfg asdfgh asdfghjkl asdfghjk zxcv zxcvb
  zxcvbn zxcvbnm qazwsx qazwsxedc 1qaz2wsx 1qaz2wsx3edc 1q2w3e 1q2w3e4r 1q2w3e4r5t
  1q2w3e4r5t6y q1w2e3 q1w2e3r4 q1w2e3r4t5 qweasd qweasdzxc 123qwe qwe123 123qweasd azerty
  azertyuiop qwertz qwertzuiop poiuytrewq lkjhgfdsa mnbvcxz zaq12wsx zaq1zaq1 1qazxsw2
  !qaz2wsx !QAZ2wsx 1234qwer qwer1234 asdf1234 1234asdf zxcv1234 qwerasdf asdfqwer
  qwertyasdf qwerty1 qwerty12 qwerty123 qwerty1234 Qwerty123 Qwerty123! 1qaz 2wsx 3edc
  !@#$ !@#$% !@#$%^ !@#$%^& !@#$%^&* 1q2w3e4r5t6y7u8i9o0p qweqwe asdasd zxczxc
`);

/** Digits people use: runs, repeats, a few famous numbers, and years. */
function numbers() {
  const list = [];
  for (let length = 1; length <= 10; length++) list.push('1234567890'.slice(0, length));
  for (let length = 3; length <= 10; length++) list.push('9876543210'.slice(0, length));
  list.push('0123456789', '01234567', '012345');
  for (const digit of '0123456789') {
    for (let length = 2; length <= 10; length++) list.push(digit.repeat(length));
  }
  for (let n = 0; n <= 100; n++) list.push(String(n));
  list.push(...words('123123 123321 112233 121212 131313 123456123456 101010 202020 420 1337'));
  list.push(...words('31337 42 69 007 0007 911 666 777 8675309 4815162342 314159 3141592653'));
  for (let year = 1970; year <= 2035; year++) list.push(String(year));
  return list;
}

/** `phrase` with its spaces as `-`, `_`, nothing, a space, and in camel and upper case. */
function spellings(phrase) {
  if (!phrase.includes(' ')) return [phrase];
  const parts = phrase.split(' ');
  const capitalised = parts.map((part) => part[0].toUpperCase() + part.slice(1));
  return [
    parts.join('-'),
    parts.join('_'),
    parts.join(''),
    phrase,
    capitalised.join(''),
    parts.join('_').toUpperCase(),
    parts.join('-').toUpperCase(),
    capitalised.join(' '),
  ];
}

/** A single word capitalised, in capitals, and with the suffixes people add to "strengthen" it. */
function variants(word, suffixes) {
  const capitalised = word[0].toUpperCase() + word.slice(1);
  return [
    word,
    capitalised,
    word.toUpperCase(),
    ...suffixes.flatMap((end) => [word + end, capitalised + end]),
  ];
}

const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const leet = (word) => [...word].map((char) => LEET[char] ?? char).join('');

const seen = new Set();
const list = [];
const add = (key) => {
  const line = asLine(key);
  if (line !== '' && !seen.has(line)) {
    seen.add(line);
    list.push(line);
  }
};

// Most likely first: shipped defaults, placeholders as written, then their other spellings.
shippedDefaults.forEach(add);
placeholders.forEach(add);
placeholders.flatMap(spellings).forEach(add);
passwords.forEach(add);
keyboardWalks.forEach(add);
numbers().forEach(add);
common.forEach(add);
// Then variants: many of the single-word placeholders, a few of the common words.
const singleWords = (list) => list.filter((key) => /^[a-z]+$/.test(key));
singleWords(placeholders)
  .flatMap((word) => variants(word, ['1', '12', '123', '1234', '!', '!!', '01', '2024']))
  .forEach(add);
singleWords(common)
  .flatMap((word) => variants(word, ['1', '123']))
  .forEach(add);
singleWords([...placeholders, ...common])
  .map(leet)
  .forEach(add);
// Placeholders with a year or "-dev"/"-prod" attached, as people rotate them.
const stems = words(
  'secret secretkey secret-key flask dev test admin password changeme key app session',
);
for (const stem of stems) {
  for (let year = 2010; year <= 2030; year++) add(`${stem}${year}`);
  for (const tag of ['-dev', '-prod', '-test', '-local', '_dev', '_prod', '_test']) add(stem + tag);
}

writeFileSync(new URL('../src/assets/weak-secrets.txt', import.meta.url), `${list.join('\n')}\n`);
console.log(`src/assets/weak-secrets.txt: ${list.length} keys`);
