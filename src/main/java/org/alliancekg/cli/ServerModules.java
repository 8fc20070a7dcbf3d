package org.alliancekg.cli;

import org.alliancekg.explore.ExploreModule;
import org.alliancekg.publish.LinkedDataModule;
import org.alliancekg.search.SearchModule;
import org.alliancekg.serve.ServerContext;
import org.alliancekg.serve.cache.ResultCacheModule;
import org.alliancekg.serve.guard.GuardModule;
import org.alliancekg.serve.ingest.ArticleIngestModule;
import org.apache.jena.fuseki.main.sys.FusekiModule;

import java.util.List;
import java.util.function.Function;

/**
 * The features of a full server, as Fuseki modules, in the order they are added: the command line composes the
 * server from them ({@code serve}, {@code bench}). Each is made for the server being built, from its
 * {@link ServerContext}. One line a module; keep them sorted by name.
 */
public final class ServerModules {

    private ServerModules() {
    }

    /** Every module of a full server. */
    public static List<Function<ServerContext, FusekiModule>> defaults() {
        return List.of(
                ArticleIngestModule::new,
                ExploreModule::new,
                GuardModule::new,
                LinkedDataModule::new,
                ResultCacheModule::new,
                SearchModule::new);
    }
}
