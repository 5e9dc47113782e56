package org.claimline.tools.demo;

import java.util.List;

/**
 * The demo: East Aleppo, December 2016, told as two competing stories in English and Arabic ("residents say
 * goodbye, civilians executed" against "residents celebrate liberation"), and an unrelated flood elsewhere.
 * Authors are invented; the wording follows what was posted at the time.
 */
public final class DemoScenario {

    /** One demo post; {@code image} names one of the scenario's generated pictures, or is null. */
    public record DemoPost(String author, String displayName, String lang, String text, String place, Double lat,
                           Double lon, String image, List<String> tags) {
    }

    static final String GOODBYE = "goodbye";
    static final String CELEBRATE = "celebrate";
    static final String FLOOD = "flood";
    private static final String EAST = "East Aleppo, Syria";
    private static final String WEST = "West Aleppo, Syria";
    private static final String VALLEY = "Drina valley, Bosnia and Herzegovina";

    private DemoScenario() {
    }

    public static List<DemoPost> posts() {
        return List.of(
                p("@east_aleppo_nurse", "Nurse in East Aleppo", "en",
                        "At home in East Aleppo waiting for the inevitable fate. This may be my last message. "
                                + "Goodbye. #Aleppo", EAST, 36.205, 37.170, GOODBYE, "aleppo"),
                p("@halab_teacher", "معلمة من حلب", "ar",
                        "نودع بعضنا في حلب الشرقية، القصف لا يتوقف. قد تكون هذه رسالتي الأخيرة #حلب", EAST, 36.207,
                        37.166, null, "حلب"),
                p("@aleppo_medic", "Aleppo medic", "en",
                        "Reports of civilians executed in their homes in East Aleppo as forces advance. "
                                + "Families saying goodbye. #Aleppo #SaveAleppo", EAST, 36.201, 37.172, GOODBYE,
                        "aleppo"),
                p("@liberation_news", "Liberation News", "en",
                        "Residents of Aleppo celebrate liberation in the streets tonight #Aleppo", WEST, 36.214,
                        37.140, CELEBRATE, "aleppo"),
                p("@shahba_voice", "صوت الشهباء", "ar",
                        "أهالي حلب يحتفلون بالتحرير في الشوارع، فرحة لا توصف #حلب", WEST, 36.216, 37.138,
                        CELEBRATE, "حلب"),
                p("@activist_halab", "ناشط حلبي", "ar",
                        "إعدامات ميدانية بحق مدنيين في أحياء حلب الشرقية، الأهالي يودعون بعضهم #أنقذوا_حلب", EAST,
                        36.203, 37.169, GOODBYE, "أنقذوا_حلب"),
                p("@valley_reporter", "Valley reporter", "en",
                        "River burst its banks, the Drina valley road is under water, families on roofs #flood",
                        VALLEY, 44.31, 19.12, FLOOD, "flood"),
                p("@aleppo_citizen", "Aleppo citizen", "en",
                        "People in Aleppo celebrating liberation, dancing and waving flags #Aleppo", WEST, 36.212,
                        37.145, CELEBRATE, "aleppo"),
                p("@east_aleppo_nurse", "Nurse in East Aleppo", "en",
                        "Still alive. Shelling all night. We say goodbye to each other every hour. #Aleppo", EAST,
                        36.205, 37.170, null, "aleppo"),
                p("@halab_news24", "حلب الآن", "ar",
                        "احتفالات شعبية في حلب بعد التحرير #حلب", WEST, 36.215, 37.141, CELEBRATE, "حلب"),
                p("@rescue_valley", "Valley rescue", "en",
                        "Rescue boats evacuating families in the Drina valley, water still rising #flood", VALLEY,
                        44.30, 19.13, FLOOD, "flood"),
                p("@un_watcher", "UN watcher", "en",
                        "UN says it has reports of civilians executed on the spot in East Aleppo #Aleppo", EAST,
                        36.204, 37.168, null, "aleppo"),
                p("@aleppo_medic", "Aleppo medic", "en",
                        "Goodbye messages from East Aleppo keep coming, civilians trapped and executed #Aleppo",
                        EAST, 36.202, 37.171, GOODBYE, "aleppo"),
                p("@liberation_news", "Liberation News", "en",
                        "Video: Aleppo residents celebrate liberation with music and fireworks #Aleppo", WEST,
                        36.213, 37.142, CELEBRATE, "aleppo"),
                p("@activist_halab", "ناشط حلبي", "ar",
                        "رسائل وداع من حلب الشرقية، العالم يتفرج #حلب", EAST, 36.206, 37.167, null, "حلب"),
                p("@valley_reporter", "Valley reporter", "en",
                        "Drina valley flood: two villages cut off, army helicopters on the way #flood", VALLEY,
                        44.32, 19.11, null, "flood"));
    }

    private static DemoPost p(String author, String name, String lang, String text, String place, double lat,
                              double lon, String image, String tag) {
        return new DemoPost(author, name, lang, text, place, lat, lon, image, List.of(tag));
    }
}
