import type { Gender } from './honorifics.ts';

/*
 * Common given names in English-language news, with the gender they usually carry. General
 * knowledge: a name here only suggests a person; the text's own cues decide.
 */
const MALE = `aaron abdul abdullah adam adrian ahmed alan alastair albert alberto alec alejandro alex alexander
alexandre alexei alfred ali alistair allan amir andre andrea andreas andrew andy angelo angus anthony antoine
anton antonio archie arnold arsene arthur ashley barack barry ben benjamin bernard bernie bill billy bob bobby
boris brad bradley brendan brett brian bruce bruno carl carlos charles charlie chris christian christopher
clive colin conor craig dan daniel danny darren dave david dean declan dennis derek desmond dick dominic don
donald doug douglas duncan dylan ed eddie edward emmanuel enrique eric ernest evan fabio felix fernando
francesco francis francisco frank franz fred frederick gareth garry gary gavin geoff geoffrey george gerald
gerard gerhard giovanni giuseppe glen gordon graham greg gregory guy hamid hans harold harry harvey hassan
hector henri henry herbert howard hugh hugo iain ian igor ivan jack jacob jacques jake james jamie jan jason
javier jay jean jeff jeffrey jens jeremy jerome jerry jim jimmy joe joel johan johann john johnny jon
jonathan jordan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kim kofi kurt
lars lee leo leon leonard lewis liam lionel louis luca lucas luis luke malcolm marc marco marcus mario mark
martin matt matthew max michael michel miguel mike mikhail mohamed mohammed muhammad nathan neil nelson nick
nicholas nicolas nigel noel norman oliver omar oscar owen paolo pascal patrick paul pedro peter phil philip
philippe pierre rafael ralph ramon ray raymond reg richard rick ricky rob robert robin rod roger roman ron
ronald rory ross roy rupert russell ryan sam samuel scott sean sebastian sergei sergio seth shane shaun
simon stan stanley stefan stephen steve steven stuart sven ted terry thierry thomas tim timothy toby todd tom
tommy tony trevor tyler victor vince vincent vladimir walter warren wayne william willie xavier yusuf zach`;

const FEMALE = `abigail ada agnes aisha alexandra alice alicia alison amanda amber amelia amy ana andrea angela
angelina ann anna anne annie barbara beatrice becky belinda beth bethany betty beverley bonnie brenda bridget
carla carmen carol caroline carolyn catherine cathy charlotte chelsea cheryl chloe christina christine claire
clare claudia colleen courtney cynthia daisy dana danielle deborah debbie denise diana diane donna doris
dorothy edith eleanor elena elizabeth ella ellen elsa emily emma erica erin esther eva eve evelyn fiona
florence frances gemma georgia gillian gina gloria grace hannah harriet hazel heather helen helena hilary
hillary holly ingrid irene isabel isabella jackie jacqueline jane janet janice jean jennifer jenny jessica jill
joan joanna jodie josephine joy joyce judith judy julia julie june karen kate katherine kathleen kathryn katie
kay kelly kerry kim kirsty kylie laura lauren leah lily linda lisa liz lois lorraine louise lucy lydia lynn
madeleine madonna maggie margaret maria marie marion martha mary maureen maxine megan melanie melissa
michelle mildred miriam molly monica nadia nancy naomi natalie natasha nicola nicole nina nora olivia paige
pamela patricia paula pauline penny priti rachel rebecca rita rose rosie ruth sally samantha sandra sara sarah
serena sharon sheila shirley sophie stella stephanie sue susan suzanne sylvia tamsin tanya teresa tessa theresa
tina tracey tracy ursula valerie vanessa venus victoria virginia wendy yvonne zoe`;

function genderMap(): ReadonlyMap<string, Gender> {
  const map = new Map<string, Gender>();
  for (const name of MALE.split(/\s+/)) if (name) map.set(name, 'male');
  for (const name of FEMALE.split(/\s+/)) {
    if (!name) continue;
    map.set(name, map.get(name) === 'male' ? 'unknown' : 'female');
  }
  return map;
}

/** Lower-cased given name → the gender it usually carries ('unknown' when used for both). */
export const GIVEN_NAMES: ReadonlyMap<string, Gender> = genderMap();
