package org.alliancekg.serve;

import java.util.ArrayList;
import java.util.List;

/** The server modules the server starts with, in order. One line a module; keep them sorted by name. */
public final class ServerModules {

    private ServerModules() {
    }

    /** Every module of a full server. */
    public static List<ServerModule> defaults() {
        List<ServerModule> modules = new ArrayList<>();
        modules.add(new org.alliancekg.bench.ResultCacheModule());
        modules.add(new org.alliancekg.explore.ExploreModule());
        modules.add(new org.alliancekg.guard.GuardModule());
        modules.add(new org.alliancekg.ingestion.http.ArticleIngestModule());
        modules.add(new org.alliancekg.publish.LinkedDataModule());
        modules.add(new org.alliancekg.search.SearchModule());
        return List.copyOf(modules);
    }
}
