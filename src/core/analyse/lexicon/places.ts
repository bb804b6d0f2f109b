/*
 * A general gazetteer: countries, capitals and large cities, continents and regions, the
 * states of the United States, as anyone would list them. It only says "this name is a place"; the text still decides
 * whether a place speaks ("the US said").
 */
const COUNTRIES = `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|
Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|
Burma|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czech Republic|Czechia|
Denmark|Djibouti|Dominica|Ecuador|Egypt|El Salvador|England|Eritrea|Estonia|Ethiopia|Fiji|Finland|France|Gabon|
Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|
Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|
Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Macau|Macedonia|Madagascar|Malawi|
Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|
Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|Northern Ireland|Norway|Oman|
Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|
Scotland|Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|
Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tibet|Togo|Tonga|
Trinidad|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|Uruguay|Uzbekistan|Venezuela|Vietnam|
Wales|Yemen|Zambia|Zimbabwe|Britain|Great Britain|United Kingdom|United States|America|Korea|Holland|Iberia`;

const CITIES_AND_REGIONS = `London|Paris|Berlin|Madrid|Rome|Moscow|Beijing|Shanghai|Shenzhen|Guangzhou|Tokyo|Seoul|Delhi|
New Delhi|Mumbai|Bangalore|Karachi|Islamabad|Kabul|Baghdad|Tehran|Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|
Dubai|Abu Dhabi|Doha|Istanbul|Ankara|Athens|Vienna|Prague|Warsaw|Budapest|Bucharest|Sofia|Kiev|Kyiv|Minsk|Oslo|
Stockholm|Helsinki|Copenhagen|Amsterdam|Brussels|Luxembourg|Geneva|Zurich|Bern|Lisbon|Dublin|Belfast|Edinburgh|
Glasgow|Cardiff|Manchester|Liverpool|Birmingham|Leeds|Sheffield|Bristol|Newcastle|Nottingham|Leicester|Oxford|
Cambridge|Reading|Brighton|Southampton|Aberdeen|Dundee|Swansea|Washington|New York|Los Angeles|Chicago|Boston|
San Francisco|Seattle|Houston|Dallas|Miami|Atlanta|Detroit|Philadelphia|Silicon Valley|Toronto|Montreal|
Vancouver|Ottawa|Sydney|Melbourne|Canberra|Brisbane|Perth|Auckland|Wellington|Johannesburg|Cape Town|Pretoria|
Nairobi|Lagos|Abuja|Accra|Addis Ababa|Khartoum|Tripoli|Tunis|Algiers|Rabat|Casablanca|Mexico City|Havana|
Caracas|Bogota|Lima|Santiago|Buenos Aires|Sao Paulo|Rio de Janeiro|Brasilia|Bangkok|Hanoi|Jakarta|Manila|
Kuala Lumpur|Taipei|Pyongyang|Hong Kong|Macau|Singapore|Milan|Munich|Frankfurt|Hamburg|Barcelona|Valencia|Seville|
Marseille|Lyon|Naples|Turin|Florence|Venice|Davos|Strasbourg|The Hague|Kent|Surrey|Essex|Yorkshire|Cornwall|
Devon|Cumbria|Lancashire|Merseyside|Ulster|Westminster|Whitehall|Europe|Asia|Africa|Antarctica|Oceania|
North America|South America|Latin America|Middle East|Far East|Scandinavia|Balkans|Caribbean|Pacific|Atlantic|
Arctic|Mediterranean|Gulf|Texas|California|Florida|Ohio|Virginia|Iowa|Alaska|Hawaii|Arizona|Nevada|Oregon|
Michigan|Illinois|Pennsylvania|Massachusetts|Kentucky|Louisiana|Georgia|Crimea|Chechnya|Kashmir|Gaza|West Bank|
Darfur|Xinjiang|Siberia|Bavaria|Catalonia|Flanders|Sicily|Sardinia|Corsica|Tasmania|Quebec|Ontario|
Alabama|Arkansas|Colorado|Connecticut|Delaware|Idaho|Indiana|Kansas|Maine|Maryland|Minnesota|Mississippi|Missouri|
Montana|Nebraska|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Oklahoma|Rhode Island|
South Carolina|South Dakota|Tennessee|Utah|Vermont|West Virginia|Wisconsin|Wyoming|District of Columbia`;

/** Variants of one country's name → the canonical name used for places and groups. */
const COUNTRY_VARIANTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['United States', ['us', 'u.s.', 'u.s', 'usa', 'u.s.a.', 'united states', 'united states of america', 'america', 'american', 'the states']],
  ['United Kingdom', ['uk', 'u.k.', 'u.k', 'britain', 'great britain', 'united kingdom', 'british']],
  ['China', ['china', 'chinese', 'prc', "people's republic of china"]],
  ['Russia', ['russia', 'russian', 'russian federation']],
  ['European Union', ['eu', 'e.u.', 'european union']],
  ['United Nations', ['un', 'u.n.', 'united nations']],
  ['France', ['france', 'french']],
  ['Germany', ['germany', 'german']],
  ['Australia', ['australia', 'australian']],
  ['Canada', ['canada', 'canadian']],
  ['Japan', ['japan', 'japanese']],
  ['India', ['india', 'indian']],
  ['Israel', ['israel', 'israeli']],
  ['Iran', ['iran', 'iranian']],
  ['Iraq', ['iraq', 'iraqi']],
  ['Italy', ['italy', 'italian']],
  ['Spain', ['spain', 'spanish']],
  ['Ireland', ['ireland', 'irish']],
  ['New Zealand', ['new zealand']],
  ['South Korea', ['south korea', 'south korean']],
  ['North Korea', ['north korea', 'north korean']],
];

function split(list: string): readonly string[] {
  return list
    .split('|')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Lower-cased place names (single or several words). */
export const PLACES: ReadonlySet<string> = new Set([...split(COUNTRIES), ...split(CITIES_AND_REGIONS)].map((name) => name.toLowerCase()));

const VARIANT_TO_CANONICAL: ReadonlyMap<string, string> = new Map(
  COUNTRY_VARIANTS.flatMap(([canonical, variants]) => variants.map((variant) => [variant, canonical] as const)),
);

/**
 * The canonical name of a country, from any usual variant or its adjective, or null.
 * Example: "U.S." → "United States"; "British" → "United Kingdom"; "Reading" → null.
 */
export function canonicalCountry(name: string): string | null {
  return VARIANT_TO_CANONICAL.get(name.toLowerCase().replace(/^the\s+/, '')) ?? null;
}

/** Short names for a canonical country, used in group names: "United States" → "US". */
export const COUNTRY_SHORT: ReadonlyMap<string, string> = new Map([
  ['United States', 'US'],
  ['United Kingdom', 'UK'],
  ['European Union', 'EU'],
  ['United Nations', 'UN'],
]);

/** Nationality and regional adjectives that may qualify a group ("Chinese officials"). */
export const NATIONALITIES: ReadonlySet<string> = new Set(
  `american british english scottish welsh irish chinese russian french german italian spanish portuguese dutch
  belgian swiss austrian swedish norwegian danish finnish polish czech hungarian greek turkish israeli palestinian
  iranian iraqi syrian saudi egyptian indian pakistani afghan bangladeshi japanese korean vietnamese thai
  indonesian malaysian filipino australian canadian mexican brazilian argentine argentinian chilean colombian
  nigerian kenyan south african european asian african western arab ukrainian taiwanese moroccan algerian tunisian
  ethiopian ghanaian zimbabwean zambian ugandan tanzanian cameroonian senegalese ivorian angolan jamaican cuban
  croatian serbian romanian bulgarian slovakian slovenian latvian lithuanian estonian bosnian albanian cypriot
  maltese georgian armenian peruvian venezuelan uruguayan paraguayan ecuadorian samoan fijian tongan lebanese
  jordanian libyan sudanese somali nepalese singaporean`
    .split(/\s+/)
    .filter(Boolean),
);

/** Last words of the names of grounds, streets and buildings: "Riverside Park", "Baker Street". */
export const PLACE_SUFFIXES: ReadonlySet<string> = new Set([
  'park',
  'stadium',
  'road',
  'street',
  'square',
  'lane',
  'avenue',
  'bridge',
  'airport',
  'station',
  'arena',
]);
